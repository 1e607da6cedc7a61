/**
 * English month and weekday names for the text we write (explanations, reminders,
 * rule descriptions). Kept here rather than taken from Intl, whose abbreviations
 * change between Node builds ("Sep" vs "Sept").
 */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** ISO order: Monday is 1 in Temporal, index 0 here. */
export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
