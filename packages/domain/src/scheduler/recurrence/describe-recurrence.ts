import { Temporal } from "temporal-polyfill";
import { MONTH_NAMES } from "../../shared/calendar-names.ts";
import { type ByDayEntry, type Frequency, parseRuleParts, type RuleParts } from "./parse-rule-parts.ts";
import { WEEKDAY_NAMES, WEEKDAYS, type Weekday, WORKING_DAYS } from "./weekdays.ts";

// Written here rather than taken from rrule-temporal's toText: that one reads BYMONTHDAY=-2
// as "the last day", prints UNTIL in the machine's locale and zone, and adds the time of a
// DTSTART that a bare rule does not have.

const UNITS: Record<Frequency, string> = { DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" };
const EVERY_ONE: Record<Frequency, string> = {
  DAILY: "every day",
  WEEKLY: "weekly",
  MONTHLY: "monthly",
  YEARLY: "yearly",
};
const ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth"];
const WEEKEND: readonly Weekday[] = ["SA", "SU"];
const SUFFIXES: Record<number, string> = { 1: "st", 2: "nd", 3: "rd" };

/** Short English for a rule: "every weekday", "weekly on Monday and Wednesday", "monthly on the last Friday". */
export function describeRecurrence(rule: string): string {
  const parts = parseRuleParts(rule);
  return `${describePattern(parts)}${describeEnd(parts)}`;
}

function describePattern(parts: RuleParts): string {
  const { freq, interval, byDay, byMonthDay, byMonth, bySetPos } = parts;
  const head = interval === 1 ? EVERY_ONE[freq] : `every ${interval} ${UNITS[freq]}s`;
  const plainDays = byDay.every((entry) => entry.ordinal === null) ? byDay.map((entry) => entry.weekday) : null;
  const onlyDays = byMonthDay.length === 0 && byMonth.length === 0 && bySetPos.length === 0;

  if (onlyDays && plainDays && plainDays.length > 0 && (freq === "DAILY" || freq === "WEEKLY")) {
    if (sameDays(plainDays, WORKING_DAYS)) return interval === 1 ? "every weekday" : `${head} on weekdays`;
    // Every day of the chosen weekdays is just those weekdays, every week.
    if (freq === "DAILY" && interval === 1) return `every ${nameDays(plainDays, "and")}`;
  }

  const phrases = [head];
  if (byMonth.length > 0)
    phrases.push(
      `in ${list(
        byMonth.map((month) => MONTH_NAMES[month - 1] ?? ""),
        "and",
      )}`,
    );
  if (bySetPos.length > 0 && plainDays && plainDays.length > 0 && byMonthDay.length === 0) {
    // "the last weekday": BYSETPOS picks among the matching days of each period.
    phrases.push(`on the ${list(bySetPos.map(positionWord), "and")} ${dayNoun(plainDays)}${periodSuffix(parts)}`);
    return phrases.join(" ");
  }
  const on = describeDays(parts, plainDays);
  if (on) phrases.push(`on ${on}`);
  const text = phrases.join(" ");
  if (bySetPos.length === 0) return text;
  const picked = list(bySetPos.map(positionWord), "and");
  return `${text}, only the ${picked} ${bySetPos.length === 1 ? "one" : "ones"}${periodSuffix(parts)}`;
}

function describeDays(parts: RuleParts, plainDays: Weekday[] | null): string {
  const monthDays = parts.byMonthDay.length > 0 ? `the ${list(parts.byMonthDay.map(monthDayWord), "and")}` : "";
  if (parts.byDay.length === 0) return monthDays;
  if (plainDays) {
    // With both, a day must satisfy both: Friday the 13th.
    if (monthDays) return `${monthDays} if it is a ${dayNoun(plainDays)}`;
    if (sameDays(plainDays, WORKING_DAYS)) return "weekdays";
    if (sameDays(plainDays, WEEKEND)) return "weekends";
    return nameDays(plainDays, "and");
  }
  const days = `${list(parts.byDay.map(byDayWord), "and")}${periodSuffix(parts)}`;
  return monthDays ? `${monthDays} if it is ${days}` : days;
}

/** Ordinals in a YEARLY rule without BYMONTH count through the whole year. */
function periodSuffix(parts: RuleParts): string {
  return parts.freq === "YEARLY" && parts.byMonth.length === 0 ? " of the year" : "";
}

function describeEnd(parts: RuleParts): string {
  let end = "";
  if (parts.count !== null) end += parts.count === 1 ? ", once" : `, ${parts.count} times`;
  if (parts.until?.kind === "date") end += `, until ${parts.until.date.toString()}`;
  if (parts.until?.kind === "instant") {
    const utc = Temporal.Instant.fromEpochMilliseconds(parts.until.epochMs).toZonedDateTimeISO("UTC");
    end += `, until ${utc.toPlainDate().toString()} ${utc.toPlainTime().toString({ smallestUnit: "minute" })} UTC`;
  }
  const skipped = parts.exdates.length;
  if (skipped > 0) end += `, skipping ${skipped} ${skipped === 1 ? "date" : "dates"}`;
  return end;
}

/** One of these days: "weekday", "weekend day", "Monday or Friday". */
function dayNoun(days: Weekday[]): string {
  if (sameDays(days, WORKING_DAYS)) return "weekday";
  if (sameDays(days, WEEKEND)) return "weekend day";
  if (days.length === WEEKDAYS.length) return "day";
  return nameDays(days, "or");
}

/** Day names in week order: "Monday, Wednesday and Friday". */
function nameDays(days: Weekday[], conjunction: "and" | "or"): string {
  const names = WEEKDAYS.filter((day) => days.includes(day)).map((day) => WEEKDAY_NAMES[day]);
  return list(names, conjunction);
}

function byDayWord(entry: ByDayEntry): string {
  const name = WEEKDAY_NAMES[entry.weekday];
  return entry.ordinal === null ? name : `the ${positionWord(entry.ordinal)} ${name}`;
}

function monthDayWord(day: number): string {
  return day > 0 ? withSuffix(day) : `${positionWord(day)} day`;
}

/** 1 -> "first", 12 -> "12th", -1 -> "last", -2 -> "second-to-last". */
function positionWord(position: number): string {
  const size = Math.abs(position);
  const word = ORDINAL_WORDS[size - 1] ?? withSuffix(size);
  if (position > 0) return word;
  return size === 1 ? "last" : `${word}-to-last`;
}

function withSuffix(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = SUFFIXES[n % 10] ?? "th";
  return `${n}${suffix}`;
}

function list(items: string[], conjunction: "and" | "or"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

function sameDays(days: readonly Weekday[], expected: readonly Weekday[]): boolean {
  return days.length === expected.length && expected.every((day) => days.includes(day));
}
