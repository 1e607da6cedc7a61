import { DomainError } from "../../shared/errors.ts";
import { parseLocalDate } from "./parse-local-date.ts";
import { parseRecurrence } from "./parse-recurrence.ts";
import type { RecurrencePreset } from "./preset-schema.ts";
import { presetToRule } from "./preset-to-rule.ts";
import { WEEKDAY_WORDS, weekdayOfName } from "./weekday-names.ts";
import { WEEKDAYS, type Weekday } from "./weekdays.ts";

/**
 * What an "every ..." phrase at the start of a text means: the words it took (as typed) and
 * the rule, or `rule: null` when the words after "every" are not a repetition we know, so the
 * caller can say so instead of dropping them.
 */
export type RepeatPhrase = { text: string; rule: string | null };

/** The most a phrase may repeat by; the repeat menu's presets allow the same. */
const MAX_INTERVAL = 99;

const DAY_NAME = `(?:${Object.keys(WEEKDAY_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")})s?`;
const DAY_LIST = `${DAY_NAME}(?:(?:\\s*,\\s*|\\s*,?\\s+and\\s+)${DAY_NAME})*`;
const COUNT = "(?:other|\\d{1,3})";
const UNIT = `days?|weekdays?|workdays?|weekends?|weeks?|months?|years?|${DAY_LIST}`;
/** "every" + optional count + unit, ending at a word boundary ("every weekdays" but not "every weekdayish"). */
const PHRASE = new RegExp(`^every\\s+(?:(${COUNT})\\s+)?(${UNIT})(?![\\p{L}\\p{N}])`, "iu");
const EVERY = /^every(?![\p{L}\p{N}])/iu;
/** "every" and the word after it: what an unknown phrase takes, so it shows whole in the message. */
const UNKNOWN = /^every(?:\s+[^\s]+)?/iu;

/**
 * Reads the "every ..." phrase that `text` starts with ("every weekday", "every 2 weeks",
 * "every mon, wed and fri", "every other month", "every year"), or null when `text` does not
 * start with the word "every". `firstDay` ("YYYY-MM-DD", the series' first local day) gives
 * "every week" its weekday and "every month" its day, exactly as the repeat menu does, so the
 * rule is the one presetToRule makes for the same choice.
 */
export function readRepeatPhrase(text: string, firstDay: string): RepeatPhrase | null {
  if (!EVERY.test(text)) return null;
  const start = parseLocalDate(firstDay);
  if (!start) {
    throw new DomainError({ kind: "INVALID", code: "scheduler.invalid_date", message: "Use a date like 2026-03-23" });
  }
  const match = PHRASE.exec(text);
  const rule = match ? ruleFor(match[1], (match[2] ?? "").toLowerCase(), start) : null;
  if (match && rule) return { text: match[0], rule };
  return { text: UNKNOWN.exec(text)?.[0] ?? "every", rule: null };
}

/**
 * The rule a whole phrase means ("every monday" -> "FREQ=WEEKLY;BYDAY=MO"), or null when the
 * phrase is not, in full, one we understand. For imports whose due string is only the phrase.
 */
export function repeatPhraseToRule(phrase: string, firstDay: string): string | null {
  const read = readRepeatPhrase(phrase.trim(), firstDay);
  return read?.rule && read.text.length === phrase.trim().length ? read.rule : null;
}

type PlainDay = { dayOfWeek: number; day: number; month: number };

function ruleFor(count: string | undefined, unit: string, start: PlainDay): string | null {
  const interval = intervalOf(count);
  if (interval === null) return null;
  const weekday = WEEKDAYS[start.dayOfWeek - 1] ?? "MO";
  const preset = presetOf(unit, interval, weekday, start.day);
  if (preset) return presetToRule(preset);
  if (/^years?$/.test(unit)) {
    // The menu has no yearly preset; the day and month are the first day's, as for months.
    const every = interval === 1 ? "" : `;INTERVAL=${interval}`;
    return parseRecurrence(`FREQ=YEARLY${every};BYMONTH=${start.month};BYMONTHDAY=${start.day}`).rrule;
  }
  return null;
}

function presetOf(unit: string, interval: number, weekday: Weekday, day: number): RecurrencePreset | null {
  const every = interval === 1 ? {} : { interval };
  if (/^days?$/.test(unit)) return { kind: "daily", ...every };
  if (/^(weekday|workday)s?$/.test(unit)) {
    // "every 2 weekdays" has no rule that means it; "every other weekday" neither.
    return interval === 1 ? { kind: "weekdays" } : null;
  }
  if (/^weekends?$/.test(unit)) return { kind: "weekly", days: ["SA", "SU"], ...every };
  if (/^weeks?$/.test(unit)) return { kind: "weekly", days: [weekday], ...every };
  if (/^months?$/.test(unit)) return { kind: "monthly_on_day", day, ...every };
  const days = namedDays(unit);
  return days ? { kind: "weekly", days, ...every } : null;
}

/** "other" is 2; null when out of the menu's 1-99. */
function intervalOf(count: string | undefined): number | null {
  if (count === undefined) return 1;
  if (count.toLowerCase() === "other") return 2;
  const value = Number.parseInt(count, 10);
  return value >= 1 && value <= MAX_INTERVAL ? value : null;
}

/** "mon, wed and fri" -> ["MO", "WE", "FR"] in week order without repeats; null if a word is no day. */
function namedDays(list: string): Weekday[] | null {
  const days = new Set<Weekday>();
  for (const word of list.split(/\s*,\s*|\s+and\s+|,?\s+/)) {
    if (word === "" || word === "and") continue;
    const day = weekdayOfName(word);
    if (!day) return null;
    days.add(day);
  }
  return days.size > 0 ? WEEKDAYS.filter((day) => days.has(day)) : null;
}
