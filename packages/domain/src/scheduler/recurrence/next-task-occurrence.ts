import { DomainError } from "../../shared/errors.ts";
import { assertTimeZone } from "./assert-time-zone.ts";
import { checkInstant } from "./check-instant.ts";
import { collectOccurrences } from "./collect-occurrences.ts";
import { parseRuleParts } from "./parse-rule-parts.ts";
import { resolveLocalDateTime } from "./resolve-local-date-time.ts";
import { toLocalDateTime } from "./to-local-date-time.ts";

export type RecurrenceAnchor = "scheduled" | "completion";

export type NextTaskOccurrenceInput = {
  rule: string;
  /** "scheduled": keep the series' rhythm; "completion": count from the day the task was done. */
  anchor: RecurrenceAnchor;
  /** The completed occurrence's start (or due date). */
  base: Date;
  completedAt: Date;
  timeZone: string;
  /** 1-based position of the completed occurrence in its series. */
  occurrenceIndex: number;
};

/**
 * When a recurring task comes back after one occurrence is completed, or null when the
 * series is over (COUNT used up, UNTIL passed). The time of day is always `base`'s local time.
 */
export function nextTaskOccurrence(input: NextTaskOccurrenceInput): Date | null {
  const { rule, anchor, base, completedAt, timeZone, occurrenceIndex } = input;
  const parts = parseRuleParts(rule);
  assertTimeZone(timeZone);
  const baseMs = checkInstant(base, "base");
  const completedMs = checkInstant(completedAt, "completedAt");
  if (!Number.isInteger(occurrenceIndex) || occurrenceIndex < 1) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.invalid_occurrence_index",
      message: "The occurrence index starts at 1",
      details: { occurrenceIndex },
    });
  }
  if (parts.count !== null && occurrenceIndex >= parts.count) return null;

  const baseLocal = toLocalDateTime(baseMs, timeZone);
  // Each completion starts a new series at a later DTSTART, so the library's COUNT would
  // restart there; occurrenceIndex carries the position in the original series instead.
  if (anchor === "scheduled") {
    const [next] = collectOccurrences({
      parts,
      dtstart: baseLocal,
      timeZone,
      after: baseMs,
      limit: 1,
      ignoreCount: true,
    });
    return next === undefined ? null : new Date(next);
  }

  const dtstart = toLocalDateTime(completedMs, timeZone).toPlainDate().toPlainDateTime(baseLocal.toPlainTime());
  // The completion day's own slot is never the next one, even when the task was done before
  // its usual time: "every 3 days, counted from completion" done at 08:00 for a 09:00 task
  // means three days later, not an hour later.
  const after = Math.max(completedMs, resolveLocalDateTime(dtstart, timeZone));
  const [next] = collectOccurrences({ parts, dtstart, timeZone, after, limit: 1, ignoreCount: true });
  return next === undefined ? null : new Date(next);
}
