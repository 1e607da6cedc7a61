import type { Weekday } from "./weekdays.ts";

/** The day names and short forms people type ("tues", "thurs" included), lower case. */
export const WEEKDAY_WORDS: Readonly<Record<string, Weekday>> = {
  monday: "MO",
  mon: "MO",
  tuesday: "TU",
  tue: "TU",
  tues: "TU",
  wednesday: "WE",
  wed: "WE",
  thursday: "TH",
  thu: "TH",
  thur: "TH",
  thurs: "TH",
  friday: "FR",
  fri: "FR",
  saturday: "SA",
  sat: "SA",
  sunday: "SU",
  sun: "SU",
};

/** "Tues" or "mondays" -> its weekday code, or null when the word is no day name. */
export function weekdayOfName(word: string): Weekday | null {
  const lower = word.toLowerCase();
  return WEEKDAY_WORDS[lower] ?? WEEKDAY_WORDS[lower.replace(/s$/, "")] ?? null;
}
