import { assertTimeZone } from "./assert-time-zone.ts";
import { checkInstant } from "./check-instant.ts";
import { collectOccurrences } from "./collect-occurrences.ts";
import { parseRuleParts } from "./parse-rule-parts.ts";
import { toLocalDateTime } from "./to-local-date-time.ts";

export type SeriesOccurrencesInput = {
  /** The series' stored rule (RRULE text, EXDATE lines allowed). */
  rule: string;
  /** The current occurrence's instant (its due date); later ones keep its local time. */
  current: Date;
  /** 1-based position of the current occurrence in its series (COUNT is counted from the first). */
  occurrenceIndex: number;
  timeZone: string;
  /** Only occurrences strictly before this instant. */
  before: Date;
  limit: number;
};

/**
 * The occurrences of a task series after its current one and before `before`, ascending,
 * each with its position in the series, as the series' own rhythm has them (the
 * "scheduled" anchor: completing an occurrence creates exactly the next of these).
 * COUNT counts from the series' first occurrence; UNTIL and EXDATE are honoured.
 */
export function listSeriesOccurrences({
  rule,
  current,
  occurrenceIndex,
  timeZone,
  before,
  limit,
}: SeriesOccurrencesInput): { index: number; at: Date }[] {
  const parts = parseRuleParts(rule);
  assertTimeZone(timeZone);
  const currentMs = checkInstant(current, "current");
  const beforeMs = checkInstant(before, "before");
  const left = parts.count === null ? limit : Math.min(limit, parts.count - occurrenceIndex);
  // Each completion re-anchors the series at a later DTSTART, so the library's COUNT would
  // restart there; occurrenceIndex carries the position instead (as nextTaskOccurrence does).
  return collectOccurrences({
    parts,
    dtstart: toLocalDateTime(currentMs, timeZone),
    timeZone,
    after: currentMs,
    before: beforeMs,
    limit: Math.max(0, left),
    ignoreCount: true,
  }).map((epochMs, i) => ({ index: occurrenceIndex + i + 1, at: new Date(epochMs) }));
}
