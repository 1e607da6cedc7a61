import { formatRuleParts } from "./format-rule-parts.ts";
import { formatUtcDateTime } from "./format-utc-date-time.ts";
import { parseRuleParts } from "./parse-rule-parts.ts";

export type ParsedRecurrence = {
  /** Canonical RRULE value without the "RRULE:" prefix: "FREQ=WEEKLY;BYDAY=MO,WE". */
  rrule: string;
  /** Excluded occurrences (UTC instants), ascending and without duplicates. */
  exdates: Date[];
  /** What to store: `rrule`, plus one "EXDATE:..." line when there are exclusions. */
  text: string;
};

/**
 * Validates a recurrence rule against the supported subset and returns its canonical
 * form. Throws `DomainError` INVALID with `scheduler.invalid_rrule` or
 * `scheduler.unsupported_rrule_part` (details.part names the offending part).
 */
export function parseRecurrence(text: string): ParsedRecurrence {
  const parts = parseRuleParts(text);
  const rrule = formatRuleParts(parts);
  const exdateLine = parts.exdates.length > 0 ? `\nEXDATE:${parts.exdates.map(formatUtcDateTime).join(",")}` : "";
  return { rrule, exdates: parts.exdates.map((epochMs) => new Date(epochMs)), text: `${rrule}${exdateLine}` };
}
