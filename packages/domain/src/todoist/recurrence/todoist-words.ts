/** Month names and their short forms as Todoist reads them ("sept" included), lower case, 1-based. */
export const MONTH_WORDS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Longest first, so "september" wins over "sep" inside a regular expression. */
export const MONTH_PATTERN = `(?:${Object.keys(MONTH_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;

/** "15th", "1st", "22nd", "3rd" or a bare "27": a day of the month. */
export const MONTH_DAY_PATTERN = "\\d{1,2}(?:st|nd|rd|th)?";

/** Which one of a month's weekdays: "3rd friday", "last friday". -1 is the last. */
const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  fifth: 5,
  "5th": 5,
  last: -1,
};

export const ORDINAL_PATTERN = `(?:${Object.keys(ORDINAL_WORDS).join("|")})`;

export function ordinalOf(word: string): number | null {
  return ORDINAL_WORDS[word.toLowerCase()] ?? null;
}

/** "15th" -> 15, "27" -> 27; null for anything else. */
export function monthDayOf(word: string): number | null {
  const match = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(word.trim());
  return match ? Number(match[1]) : null;
}

/** Small counts people spell out in "for two weeks". */
const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
};

export function countOf(word: string): number | null {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return COUNT_WORDS[word.toLowerCase()] ?? null;
}
