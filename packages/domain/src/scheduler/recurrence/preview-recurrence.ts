import { isInstantInRange } from "../../shared/instant.ts";
import { describeRecurrence } from "./describe-recurrence.ts";
import { listOccurrences } from "./list-occurrences.ts";
import { parseRecurrence } from "./parse-recurrence.ts";

export type PreviewRecurrenceInput = { rule: string; start: Date; timeZone: string; count: number };
export type RecurrencePreview = {
  /** The canonical text to store (parseRecurrence's `text`). */
  rule: string;
  /** Short English description. */
  text: string;
  occurrences: Date[];
};

/**
 * What `scheduler.recurrence.preview` shows while a person edits a rule. Occurrences
 * after the supported range (2999-12-31) are left out: nothing could be stored there.
 */
export function previewRecurrence({ rule, start, timeZone, count }: PreviewRecurrenceInput): RecurrencePreview {
  const parsed = parseRecurrence(rule);
  return {
    rule: parsed.text,
    text: describeRecurrence(parsed.text),
    occurrences: listOccurrences({ rule: parsed.text, start, timeZone, count }).filter(isInstantInRange),
  };
}
