import { DomainError } from "../../shared/errors.ts";
import { assertTimeZone } from "./assert-time-zone.ts";
import { checkInstant } from "./check-instant.ts";
import { collectOccurrences } from "./collect-occurrences.ts";
import { parseRuleParts } from "./parse-rule-parts.ts";
import { toLocalDateTime } from "./to-local-date-time.ts";

export const MAX_LISTED_OCCURRENCES = 500;

export type ListOccurrencesInput = {
  /** A recurrence rule as parseRecurrence accepts it (stored text included). */
  rule: string;
  /** DTSTART as an instant; its wall-clock time in `timeZone` is what recurs. */
  start: Date;
  /** IANA zone the rule is expanded in. */
  timeZone: string;
  /** 0..500. */
  count: number;
  /** Only occurrences strictly after this instant; without it the series starts at `start`. */
  after?: Date;
};

/**
 * Up to `count` occurrences of a rule as UTC instants, ascending. "09:00 Europe/Berlin"
 * stays 09:00 local across DST changes. COUNT, UNTIL and EXDATE are honoured.
 */
export function listOccurrences({ rule, start, timeZone, count, after }: ListOccurrencesInput): Date[] {
  const parts = parseRuleParts(rule);
  assertTimeZone(timeZone);
  const startMs = checkInstant(start, "start");
  const afterMs = after === undefined ? undefined : checkInstant(after, "after");
  if (!Number.isInteger(count) || count < 0 || count > MAX_LISTED_OCCURRENCES) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.invalid_count",
      message: `Ask for 0 to ${MAX_LISTED_OCCURRENCES} occurrences`,
      details: { count, max: MAX_LISTED_OCCURRENCES },
    });
  }
  return collectOccurrences({
    parts,
    dtstart: toLocalDateTime(startMs, timeZone),
    timeZone,
    limit: count,
    ...(afterMs === undefined ? {} : { after: afterMs }),
  }).map((epochMs) => new Date(epochMs));
}
