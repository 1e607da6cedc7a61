/** When an event starts or ends: a moment with an offset, a local time in a zone, or an all-day date. */
export type EventDateTime = { dateTime?: string; date?: string; timeZone?: string };

const HAS_OFFSET = /(Z|[+-]\d{2}:\d{2})$/i;

/**
 * The UTC milliseconds of an event boundary. All-day dates begin at midnight in the
 * calendar's zone, and a `dateTime` without offset is read in its `timeZone` (or the
 * calendar's), as Google reads them.
 */
export function instantOf(value: EventDateTime, calendarTimeZone: string): number {
  if (value.dateTime) {
    if (HAS_OFFSET.test(value.dateTime)) return Date.parse(value.dateTime);
    return localToUtc(value.dateTime, value.timeZone ?? calendarTimeZone);
  }
  if (value.date) return localToUtc(`${value.date}T00:00:00`, value.timeZone ?? calendarTimeZone);
  return Number.NaN;
}

export function hasOffset(dateTime: string): boolean {
  return HAS_OFFSET.test(dateTime);
}

function offsetMillisAt(utcMillis: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(utcMillis / 1000) * 1000;
}

/** A wall-clock time in a zone to UTC; two passes settle the offset across a DST change. */
function localToUtc(local: string, timeZone: string): number {
  const asIfUtc = Date.parse(`${local}Z`);
  const first = asIfUtc - offsetMillisAt(asIfUtc, timeZone);
  return asIfUtc - offsetMillisAt(first, timeZone);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
