import type { Temporal } from "temporal-polyfill";
import { repeatPhraseToRule, WEEKDAY_WORDS, weekdayOfName } from "../../scheduler/recurrence/index.ts";
import {
  MONTH_DAY_PATTERN,
  MONTH_PATTERN,
  MONTH_WORDS,
  monthDayOf,
  ORDINAL_PATTERN,
  ordinalOf,
} from "./todoist-words.ts";

export type CoreRule = { ok: true; rule: string } | { ok: false; why: string };

const DAY = `(?:${Object.keys(WEEKDAY_WORDS).join("|")})s?`;
const LIST_SEPARATOR = "(?:\\s*,\\s*and\\s+|\\s*,\\s*|\\s+and\\s+)";
const MONTH_DAY_ITEM = `(?:${MONTH_DAY_PATTERN}|last(?: day)?)`;
const MONTH_DAY_LIST = `${MONTH_DAY_ITEM}(?:${LIST_SEPARATOR}${MONTH_DAY_ITEM})*`;
const OF_THE_MONTH = "(?:\\s+(?:of\\s+)?(?:the|each|every)\\s+month)?";
const WORKDAY_ITEM = `(?:${ORDINAL_PATTERN}|\\d{1,2}(?:st|nd|rd|th))\\s+(?:workday|weekday|business day)s?`;
const COUNT = "(other|\\d{1,2})";

/** Feb 29 counts: "every feb 29" comes back in leap years. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const HOURLY = /^every (?:(?:other|\d+) )?(?:hours?|hrs?|minutes?|mins?)$/;
const WEEKEND = /^every weekends?$/;
const WEEKS_ON = new RegExp(`^every (?:${COUNT} )?weeks? on (${DAY}(?:${LIST_SEPARATOR}${DAY})*)$`);
const NTH_WEEKDAY = new RegExp(`^every (${ORDINAL_PATTERN}) (${DAY})${OF_THE_MONTH}$`);
const NTH_WORKDAYS = new RegExp(`^every (${WORKDAY_ITEM}(?:${LIST_SEPARATOR}${WORKDAY_ITEM})*)${OF_THE_MONTH}$`);
const MONTH_DAYS = new RegExp(`^every (?:the )?(${MONTH_DAY_LIST})${OF_THE_MONTH}$`);
const MONTHS_ON = new RegExp(`^every (?:${COUNT} )?months? on (?:the )?(${MONTH_DAY_LIST})$`);
const ON_A_YEAR = "(?:year on (?:the )?)?";
const YEARLY_MONTH_FIRST = new RegExp(`^every ${ON_A_YEAR}(${MONTH_PATTERN})\\.? (${MONTH_DAY_PATTERN})$`);
const YEARLY_DAY_FIRST = new RegExp(`^every ${ON_A_YEAR}(${MONTH_DAY_PATTERN}) (?:of )?(${MONTH_PATTERN})\\.?$`);

/**
 * The RRULE for the repetition part of a Todoist due string ("every 3rd friday"), before
 * time and end clauses. The phrases quick add reads too go through the same reader
 * (repeatPhraseToRule); the ones only Todoist strings use are read here. `firstDay` is the
 * series' first local day: it gives "every week" its weekday, as in Todoist.
 */
export function todoistCoreRule(core: string, firstDay: Temporal.PlainDate): CoreRule {
  if (HOURLY.test(core)) return { ok: false, why: "repeats within a day, which AgendaCraft tasks cannot" };
  // Todoist's help: "every weekend" is every Saturday (quick add here reads Saturday and Sunday).
  if (WEEKEND.test(core)) return { ok: true, rule: "FREQ=WEEKLY;BYDAY=SA" };

  const weeksOn = WEEKS_ON.exec(core);
  if (weeksOn) return shared(`every ${weeksOn[1] ? `${weeksOn[1]} ` : ""}${weeksOn[2]}`, firstDay);

  const basic = repeatPhraseToRule(core, firstDay.toString());
  if (basic) return { ok: true, rule: basic };

  const nthWeekday = NTH_WEEKDAY.exec(core);
  if (nthWeekday) {
    const ordinal = ordinalOf(nthWeekday[1] ?? "");
    const weekday = weekdayOfName(nthWeekday[2] ?? "");
    if (ordinal !== null && weekday) return { ok: true, rule: `FREQ=MONTHLY;BYDAY=${ordinal}${weekday}` };
  }

  const workdays = NTH_WORKDAYS.exec(core);
  if (workdays) {
    const positions = splitList(workdays[1] ?? "").map((item) => {
      const word = item.split(" ")[0] ?? "";
      return ordinalOf(word) ?? monthDayOf(word);
    });
    if (positions.every((position) => position !== null && position <= 23)) {
      return { ok: true, rule: `FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=${positions.join(",")}` };
    }
    return { ok: false, why: "names a working day that no month has" };
  }

  const monthDays = MONTH_DAYS.exec(core);
  if (monthDays) return monthlyOn(monthDays[1] ?? "", 1);
  const monthsOn = MONTHS_ON.exec(core);
  if (monthsOn) return monthlyOn(monthsOn[2] ?? "", intervalOf(monthsOn[1]));

  const yearly = YEARLY_MONTH_FIRST.exec(core);
  const yearlyDayFirst = yearly ? null : YEARLY_DAY_FIRST.exec(core);
  const [monthWord, dayWord] = yearly ? [yearly[1], yearly[2]] : [yearlyDayFirst?.[2], yearlyDayFirst?.[1]];
  if (monthWord !== undefined && dayWord !== undefined) {
    const month = MONTH_WORDS[monthWord];
    const day = monthDayOf(dayWord);
    if (month === undefined || day === null || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) {
      return { ok: false, why: "names a day that no year has" };
    }
    return { ok: true, rule: `FREQ=YEARLY;BYMONTH=${month};BYMONTHDAY=${day}` };
  }
  return { ok: false, why: "is not a pattern AgendaCraft understands" };
}

function shared(phrase: string, firstDay: Temporal.PlainDate): CoreRule {
  const rule = repeatPhraseToRule(phrase, firstDay.toString());
  return rule ? { ok: true, rule } : { ok: false, why: "is not a pattern AgendaCraft understands" };
}

/** "1st, 15th and last day" -> BYMONTHDAY=1,15,-1. */
function monthlyOn(list: string, interval: number | null): CoreRule {
  if (interval === null) return { ok: false, why: "repeats more often than AgendaCraft allows" };
  const days = splitList(list).map((item) => (item.startsWith("last") ? -1 : monthDayOf(item)));
  if (days.some((day) => day === null || day === 0 || day > 31)) {
    return { ok: false, why: "names a day of the month that does not exist" };
  }
  const every = interval === 1 ? "" : `;INTERVAL=${interval}`;
  return { ok: true, rule: `FREQ=MONTHLY${every};BYMONTHDAY=${days.join(",")}` };
}

function splitList(list: string): string[] {
  return list
    .split(new RegExp(LIST_SEPARATOR))
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function intervalOf(count: string | undefined): number | null {
  if (count === undefined) return 1;
  if (count === "other") return 2;
  const value = Number(count);
  return value >= 1 && value <= 99 ? value : null;
}
