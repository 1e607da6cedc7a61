import type { calendar_v3 } from "@googleapis/calendar";
import { Temporal } from "temporal-polyfill";
import { clampInstant } from "../../shared/instant.ts";
import { TASK_ID_PROPERTY } from "./task-event-calendar.ts";

const MAX_SUMMARY = 500;

export type GoogleEvent = calendar_v3.Schema$Event;

/** What one event from Google means for the planner, after the busy rules. */
export type GoogleEventReading =
  /** Gone from the calendar (cancelled, or it takes no time): its stored copy is deleted. */
  | { kind: "removed" }
  /** Written by AgendaCraft for a task: never busy time; the write-back reacts to it. */
  | { kind: "own"; taskId: string }
  | { kind: "event"; summary: string; start: Date; end: Date; allDay: boolean; busy: boolean };

export type BusyRuleOptions = {
  /** The calendar's choice for all-day events (ConnectedCalendar.allDayBusy). */
  allDayBusy: boolean;
  /** The person's IANA zone: an all-day event blocks their whole day(s). */
  timeZone: string;
};

/**
 * Applies the busy rules to one event as the Calendar API lists it with `singleEvents`
 * (a recurring event arrives as its instances, a moved instance at its new time, so its
 * own start and end are all that count). A cancelled event is removed; transparent ("show
 * as available"), declined by the person and working-location events are free;
 * out-of-office and focus time are busy; an all-day event follows `allDayBusy`.
 */
export function readGoogleEvent(event: GoogleEvent, { allDayBusy, timeZone }: BusyRuleOptions): GoogleEventReading {
  const taskId = event.extendedProperties?.private?.[TASK_ID_PROPERTY];
  if (taskId) return { kind: "own", taskId };
  if (event.status === "cancelled") return { kind: "removed" };
  const span = readSpan(event, timeZone);
  if (!span) return { kind: "removed" };
  const summary = (event.summary ?? "").trim().slice(0, MAX_SUMMARY) || "Busy";
  return { kind: "event", summary, ...span, busy: isBusy(event, span.allDay, allDayBusy) };
}

function isBusy(event: GoogleEvent, allDay: boolean, allDayBusy: boolean): boolean {
  if (event.eventType === "workingLocation") return false;
  if (event.attendees?.some((attendee) => attendee.self && attendee.responseStatus === "declined")) return false;
  // Out of office and focus time block the time whatever their transparency says.
  if (event.eventType === "outOfOffice" || event.eventType === "focusTime") return true;
  if (event.transparency === "transparent") return false;
  return allDay ? allDayBusy : true;
}

function readSpan(event: GoogleEvent, timeZone: string): { start: Date; end: Date; allDay: boolean } | null {
  const startDate = event.start?.date;
  if (startDate) {
    // Google's end date is exclusive; an all-day event without one lasts its day.
    const endDate = event.end?.date ?? Temporal.PlainDate.from(startDate).add({ days: 1 }).toString();
    const start = startOfDay(startDate, timeZone);
    const end = startOfDay(endDate, timeZone);
    return start && end && end > start ? { start, end, allDay: true } : null;
  }
  const start = instant(event.start?.dateTime);
  const end = instant(event.end?.dateTime);
  // An instant takes no time to plan around.
  return start && end && end > start ? { start, end, allDay: false } : null;
}

function instant(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : clampInstant(date);
}

function startOfDay(date: string, timeZone: string): Date | null {
  try {
    return clampInstant(new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds));
  } catch {
    return null;
  }
}
