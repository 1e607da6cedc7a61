import { Temporal } from "temporal-polyfill";
import { DomainError } from "../../shared/errors.ts";
import { WEEKDAYS, type Weekday } from "./weekdays.ts";

export type Frequency = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
export type ByDayEntry = { weekday: Weekday; ordinal: number | null };
/** A date UNTIL ends the series at the end of that local day; a date-time at that UTC instant. */
export type RuleUntil = { kind: "date"; date: Temporal.PlainDate } | { kind: "instant"; epochMs: number };

/** The supported subset of an RRULE, validated, with lists sorted and free of duplicates. */
export type RuleParts = {
  freq: Frequency;
  interval: number;
  byMonth: number[];
  byMonthDay: number[];
  byDay: ByDayEntry[];
  bySetPos: number[];
  wkst: Weekday | null;
  count: number | null;
  until: RuleUntil | null;
  /** EXDATE instants in epoch milliseconds, ascending. */
  exdates: number[];
};

export const MAX_RULE_LENGTH = 20_000;
export const MAX_EXDATES = 1000;

const FREQUENCIES: readonly Frequency[] = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const SUB_DAILY = new Set(["HOURLY", "MINUTELY", "SECONDLY"]);
const PART_NAMES = new Set([
  "FREQ",
  "INTERVAL",
  "BYDAY",
  "BYMONTHDAY",
  "BYMONTH",
  "BYSETPOS",
  "COUNT",
  "UNTIL",
  "WKST",
]);
const NAME = /^[A-Z][A-Z0-9-]*$/;
const UTC_DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const DATE_ONLY = /^(\d{4})(\d{2})(\d{2})$/;
const BY_DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const INTEGER = /^[+-]?\d{1,4}$/;
// Days each month can have, Feb 29 included: a rule that asks for a day no month of its
// BYMONTH can hold never produces anything, and the library would search forever for one.
const MAX_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses "FREQ=...", "RRULE:FREQ=..." and "EXDATE:<utc>,..." lines into the supported
 * subset; anything outside it is refused so that what we store is what we can expand.
 */
export function parseRuleParts(text: string): RuleParts {
  if (typeof text !== "string") throw invalid("RRULE", "A recurrence rule must be text");
  if (text.length > MAX_RULE_LENGTH) throw invalid("RRULE", "The recurrence rule is too long");

  let ruleLine: string | null = null;
  const exdates = new Set<number>();
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === "") continue;
    const property = /^([A-Za-z][A-Za-z0-9-]*)([:;])/.exec(line);
    // "INTERVAL;..." is a broken rule line, not a property called INTERVAL.
    if (!property || PART_NAMES.has((property[1] ?? "").toUpperCase())) {
      if (ruleLine !== null) throw invalid("RRULE", "A recurrence rule can have only one RRULE line");
      ruleLine = line;
      continue;
    }
    const name = (property[1] ?? "").toUpperCase();
    const separator = property[2];
    if (name === "RRULE" && separator === ":") {
      if (ruleLine !== null) throw invalid("RRULE", "A recurrence rule can have only one RRULE line");
      ruleLine = line.slice(property[0].length);
    } else if (name === "EXDATE") {
      if (separator !== ":") throw invalid("EXDATE", "EXDATE must list UTC date-times like 20260105T090000Z");
      for (const value of line.slice(property[0].length).split(",")) exdates.add(parseExdate(value.trim()));
      if (exdates.size > MAX_EXDATES) throw invalid("EXDATE", `EXDATE can list at most ${MAX_EXDATES} dates`);
    } else if (name === "RRULE") {
      throw invalid("RRULE", "RRULE parameters are not supported; write RRULE:FREQ=...");
    } else {
      throw unsupported(name);
    }
  }
  if (ruleLine === null) throw invalid("FREQ", "FREQ is required in a recurrence rule");

  const values = splitParts(ruleLine);
  const freqValue = values.get("FREQ");
  if (freqValue === undefined) throw invalid("FREQ", "FREQ is required in a recurrence rule");
  const freq = parseFreq(freqValue);
  const read = <T>(name: string, parse: (value: string) => T): T | null => {
    const value = values.get(name);
    return value === undefined ? null : parse(value);
  };

  const parts: RuleParts = {
    freq,
    interval: read("INTERVAL", (v) => wholeNumber("INTERVAL", v, 1, 999)) ?? 1,
    byMonth: read("BYMONTH", (v) => numberList("BYMONTH", v, 1, 12, false)) ?? [],
    byMonthDay: read("BYMONTHDAY", (v) => numberList("BYMONTHDAY", v, 1, 31, true)) ?? [],
    byDay: read("BYDAY", parseByDay) ?? [],
    bySetPos: read("BYSETPOS", (v) => numberList("BYSETPOS", v, 1, 366, true)) ?? [],
    wkst: read("WKST", parseWkst),
    count: read("COUNT", (v) => wholeNumber("COUNT", v, 1, 1000)),
    until: read("UNTIL", parseUntil),
    exdates: [...exdates].sort((a, b) => a - b),
  };
  checkCombinations(parts);
  return parts;
}

function splitParts(line: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const rawSegment of line.split(";")) {
    const segment = rawSegment.trim();
    // A trailing ";" is a common slip that changes nothing, so it is tolerated.
    if (segment === "") continue;
    const equals = segment.indexOf("=");
    const name = (equals === -1 ? segment : segment.slice(0, equals)).trim().toUpperCase();
    if (equals <= 0 || !NAME.test(name)) {
      throw invalid(name || segment, `"${segment}" is not a NAME=VALUE part of a recurrence rule`);
    }
    if (!PART_NAMES.has(name)) throw unsupported(name);
    if (values.has(name)) throw invalid(name, `${name} appears more than once in the recurrence rule`);
    const value = segment
      .slice(equals + 1)
      .trim()
      .toUpperCase();
    if (value === "") throw invalid(name, `${name} needs a value`);
    values.set(name, value);
  }
  return values;
}

function parseFreq(value: string): Frequency {
  const freq = FREQUENCIES.find((candidate) => candidate === value);
  if (freq) return freq;
  if (SUB_DAILY.has(value)) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.unsupported_rrule_part",
      message: `FREQ=${value} is not supported in a recurrence rule`,
      details: { part: "FREQ", value },
    });
  }
  throw invalid("FREQ", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
}

function wholeNumber(part: string, value: string, min: number, max: number): number {
  const number = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) throw invalid(part, `${part} must be a whole number from ${min} to ${max}`);
  return number;
}

function numberList(part: string, value: string, min: number, max: number, allowNegative: boolean): number[] {
  const range = allowNegative ? `${min} to ${max} or -${max} to -${min}` : `${min} to ${max}`;
  const numbers = value.split(",").map((item) => {
    const number = INTEGER.test(item.trim()) ? Number(item.trim()) : Number.NaN;
    const size = Math.abs(number);
    if (!(size >= min && size <= max) || (number < 0 && !allowNegative)) {
      throw invalid(part, `${part} must list whole numbers from ${range}`);
    }
    return number;
  });
  return sortPositions([...new Set(numbers)]);
}

/** Positive positions first, then the ones counted from the end (-1 before -2). */
function sortPositions(numbers: number[]): number[] {
  const key = (n: number) => (n > 0 ? n : 1000 - n);
  return numbers.sort((a, b) => key(a) - key(b));
}

function parseByDay(value: string): ByDayEntry[] {
  const seen = new Map<string, ByDayEntry>();
  for (const item of value.split(",")) {
    const match = BY_DAY.exec(item.trim());
    const weekday = WEEKDAYS.find((day) => day === match?.[2]);
    const ordinal = match?.[1] === undefined ? null : Number(match[1]);
    if (!weekday || ordinal === 0) {
      throw invalid("BYDAY", "BYDAY must list weekdays like MO,WE or, for monthly and yearly rules, 1MO or -1FR");
    }
    seen.set(`${ordinal ?? ""}${weekday}`, { weekday, ordinal });
  }
  const order = (entry: ByDayEntry) =>
    WEEKDAYS.indexOf(entry.weekday) * 1000 +
    (entry.ordinal === null ? 0 : entry.ordinal > 0 ? entry.ordinal : 100 - entry.ordinal);
  return [...seen.values()].sort((a, b) => order(a) - order(b));
}

function parseWkst(value: string): Weekday {
  const weekday = WEEKDAYS.find((day) => day === value);
  if (!weekday) throw invalid("WKST", "WKST must be a weekday: MO, TU, WE, TH, FR, SA or SU");
  return weekday;
}

function parseUntil(value: string): RuleUntil {
  const message = "UNTIL must be a UTC date-time like 20261231T235959Z or a date like 20261231";
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const date = plainDate(dateOnly);
    if (!date) throw invalid("UNTIL", message);
    return { kind: "date", date };
  }
  const epochMs = utcDateTime(value);
  if (epochMs === null) throw invalid("UNTIL", message);
  return { kind: "instant", epochMs };
}

function parseExdate(value: string): number {
  const epochMs = utcDateTime(value.toUpperCase());
  if (epochMs === null) throw invalid("EXDATE", "EXDATE must list UTC date-times like 20260105T090000Z");
  return epochMs;
}

function utcDateTime(value: string): number | null {
  const match = UTC_DATE_TIME.exec(value);
  const date = match ? plainDate(match) : null;
  if (!match || !date) return null;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return date.toPlainDateTime({ hour, minute, second }).toZonedDateTime("UTC").epochMilliseconds;
}

function plainDate(match: RegExpExecArray): Temporal.PlainDate | null {
  try {
    return Temporal.PlainDate.from(
      { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
      { overflow: "reject" },
    );
  } catch {
    return null;
  }
}

function checkCombinations(parts: RuleParts): void {
  if (parts.count !== null && parts.until !== null) throw invalid("COUNT", "Use either COUNT or UNTIL, not both");
  if (parts.freq === "WEEKLY" && parts.byMonthDay.length > 0) {
    throw invalid("BYMONTHDAY", "BYMONTHDAY cannot be used with FREQ=WEEKLY");
  }
  if (parts.bySetPos.length > 0 && parts.byDay.length + parts.byMonthDay.length + parts.byMonth.length === 0) {
    throw invalid("BYSETPOS", "BYSETPOS needs another part to pick from, such as BYDAY or BYMONTHDAY");
  }
  const ordinals = parts.byDay.flatMap((entry) => (entry.ordinal === null ? [] : [entry.ordinal]));
  if (ordinals.length > 0) {
    if (parts.freq === "DAILY" || parts.freq === "WEEKLY") {
      throw invalid("BYDAY", "BYDAY ordinals like 1MO or -1FR need FREQ=MONTHLY or FREQ=YEARLY");
    }
    // Within a month (MONTHLY, or YEARLY narrowed by BYMONTH) there are at most five of each weekday.
    const perMonth = parts.freq === "MONTHLY" || parts.byMonth.length > 0;
    const limit = perMonth ? 5 : 53;
    if (ordinals.some((ordinal) => Math.abs(ordinal) > limit)) {
      const scope = perMonth ? "a month" : "a year";
      throw invalid("BYDAY", `BYDAY ordinals must be from 1 to ${limit} or -${limit} to -1 within ${scope}`);
    }
  }
  if (parts.byMonthDay.length > 0) {
    const months = parts.byMonth.length > 0 ? parts.byMonth : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const fits = months.some((month) =>
      parts.byMonthDay.some((day) => Math.abs(day) <= (MAX_MONTH_DAYS[month - 1] ?? 0)),
    );
    if (!fits) throw invalid("BYMONTHDAY", "BYMONTHDAY names a day that none of the months in BYMONTH has");
  }
}

function invalid(part: string, message: string): DomainError {
  return new DomainError({ kind: "INVALID", code: "scheduler.invalid_rrule", message, details: { part } });
}

function unsupported(part: string): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "scheduler.unsupported_rrule_part",
    message: `${part} is not supported in a recurrence rule`,
    details: { part },
  });
}
