import { formatUtcDateTime } from "./format-utc-date-time.ts";
import type { RuleParts, RuleUntil } from "./parse-rule-parts.ts";

/**
 * The canonical RRULE value (no "RRULE:" prefix, no EXDATE): parts in a fixed order,
 * defaults (INTERVAL=1, WKST=MO) left out, so equal rules are equal strings.
 */
export function formatRuleParts(parts: Omit<RuleParts, "exdates">): string {
  const out = [`FREQ=${parts.freq}`];
  if (parts.interval !== 1) out.push(`INTERVAL=${parts.interval}`);
  if (parts.byMonth.length > 0) out.push(`BYMONTH=${parts.byMonth.join(",")}`);
  if (parts.byMonthDay.length > 0) out.push(`BYMONTHDAY=${parts.byMonthDay.join(",")}`);
  if (parts.byDay.length > 0) {
    out.push(`BYDAY=${parts.byDay.map((entry) => `${entry.ordinal ?? ""}${entry.weekday}`).join(",")}`);
  }
  if (parts.bySetPos.length > 0) out.push(`BYSETPOS=${parts.bySetPos.join(",")}`);
  if (parts.wkst !== null && parts.wkst !== "MO") out.push(`WKST=${parts.wkst}`);
  if (parts.count !== null) out.push(`COUNT=${parts.count}`);
  if (parts.until !== null) out.push(`UNTIL=${formatUntil(parts.until)}`);
  return out.join(";");
}

function formatUntil(until: RuleUntil): string {
  if (until.kind === "date") return until.date.toString().replaceAll("-", "");
  return formatUtcDateTime(until.epochMs);
}
