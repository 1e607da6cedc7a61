import { Temporal } from "temporal-polyfill";
import { MONTH_DAY_PATTERN, MONTH_PATTERN, MONTH_WORDS, monthDayOf } from "./todoist-words.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_FIRST = new RegExp(`^(${MONTH_PATTERN})\\.?\\s+(${MONTH_DAY_PATTERN})(?:,?\\s+(\\d{4}))?$`, "i");
const DAY_FIRST = new RegExp(`^(${MONTH_DAY_PATTERN})\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?(?:,?\\s+(\\d{4}))?$`, "i");

/**
 * A calendar date as Todoist writes one in "until aug 20", "ending 20 august 2027" or
 * "starting 2027-01-31". Without a year it is the first such day on or after `onOrAfter`,
 * as Todoist reads a date in a recurring due string. Null when the words are no date.
 */
export function parseTodoistDate(text: string, onOrAfter: Temporal.PlainDate): Temporal.PlainDate | null {
  const words = text.trim().toLowerCase();
  const iso = ISO_DATE.exec(words);
  if (iso) return dateOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const monthFirst = MONTH_FIRST.exec(words);
  const dayFirst = monthFirst ? null : DAY_FIRST.exec(words);
  const [monthWord, dayWord, yearWord] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [undefined, undefined, undefined];
  const month = monthWord === undefined ? undefined : MONTH_WORDS[monthWord];
  const day = dayWord === undefined ? null : monthDayOf(dayWord);
  if (month === undefined || day === null) return null;
  if (yearWord !== undefined) return dateOf(Number(yearWord), month, day);

  // Feb 29 may be years away; eight years always hold one.
  for (let year = onOrAfter.year; year <= onOrAfter.year + 8; year++) {
    const date = dateOf(year, month, day);
    if (date && Temporal.PlainDate.compare(date, onOrAfter) >= 0) return date;
  }
  return null;
}

function dateOf(year: number, month: number, day: number): Temporal.PlainDate | null {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: "reject" });
  } catch {
    return null;
  }
}
