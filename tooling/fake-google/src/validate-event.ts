import type { EventDateTime, GoogleEvent } from "./calendar-types.ts";
import { hasOffset, instantOf, isValidTimeZone } from "./event-times.ts";
import { calendarErrors, GoogleApiError } from "./google-errors.ts";

const STATUSES = new Set(["confirmed", "tentative", "cancelled"]);
const EVENT_TYPES = new Set(["default", "outOfOffice", "focusTime", "workingLocation", "birthday", "fromGmail"]);
const TRANSPARENCIES = new Set(["opaque", "transparent"]);

/** The checks Google makes on an event it is asked to store, with its error wording. */
export function validateEvent(event: GoogleEvent): void {
  const fail = (message: string): never => {
    throw new GoogleApiError(calendarErrors.invalid(message));
  };
  if (!event.start) throw new GoogleApiError(calendarErrors.required("Missing start time."));
  if (!event.end) throw new GoogleApiError(calendarErrors.required("Missing end time."));
  checkTime(event.start, "start", fail);
  checkTime(event.end, "end", fail);
  if (Boolean(event.start.date) !== Boolean(event.end.date)) {
    fail("Start and end times must either both be date or both be dateTime.");
  }
  const start = instantOf(event.start, "UTC");
  const end = instantOf(event.end, "UTC");
  if (end < start || (event.start.date && end === start)) throw new GoogleApiError(calendarErrors.timeRangeEmpty());
  if (!STATUSES.has(event.status)) fail(`Invalid value for: status: ${event.status}`);
  if (!EVENT_TYPES.has(event.eventType)) fail(`Invalid value for: eventType: ${event.eventType}`);
  if (event.transparency !== undefined && !TRANSPARENCIES.has(event.transparency)) {
    fail(`Invalid value for: transparency: ${event.transparency}`);
  }
  for (const attendee of event.attendees ?? []) {
    if (!attendee.email?.includes("@")) fail("Invalid attendee email.");
  }
  const extended = event.extendedProperties;
  for (const bag of [extended?.private, extended?.shared]) {
    for (const value of Object.values(bag ?? {})) {
      if (typeof value !== "string") fail("Extended property values must be strings.");
    }
  }
}

function checkTime(value: EventDateTime, which: "start" | "end", fail: (message: string) => never): void {
  if (value.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.date) || Number.isNaN(Date.parse(value.date))) {
      fail(`Invalid ${which} date.`);
    }
    return;
  }
  if (!value.dateTime) fail(`Missing ${which} time.`);
  if (value.timeZone !== undefined && !isValidTimeZone(value.timeZone)) fail("Invalid time zone definition.");
  if (!hasOffset(value.dateTime ?? "") && !value.timeZone) fail(`Missing time zone definition for ${which} time.`);
  if (Number.isNaN(instantOf(value, value.timeZone ?? "UTC"))) fail(`Invalid ${which} time.`);
}
