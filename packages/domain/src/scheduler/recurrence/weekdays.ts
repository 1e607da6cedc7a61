/** RFC 5545 weekday codes in ISO order, so `WEEKDAYS.indexOf(day) + 1` is Temporal's `dayOfWeek`. */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WORKING_DAYS: readonly Weekday[] = ["MO", "TU", "WE", "TH", "FR"];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};
