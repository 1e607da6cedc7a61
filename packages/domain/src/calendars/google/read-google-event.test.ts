import { describe, expect, it } from "vitest";
import { type GoogleEvent, readGoogleEvent } from "./read-google-event.ts";

const UTC = { allDayBusy: false, timeZone: "UTC" };

function meeting(overrides: Partial<GoogleEvent> = {}): GoogleEvent {
  return {
    id: "evt1",
    status: "confirmed",
    summary: "Standup",
    start: { dateTime: "2026-12-07T09:00:00+01:00" },
    end: { dateTime: "2026-12-07T09:30:00+01:00" },
    ...overrides,
  };
}

describe("readGoogleEvent: the busy rules", () => {
  it("an ordinary meeting is busy at its time", () => {
    expect(readGoogleEvent(meeting(), UTC)).toEqual({
      kind: "event",
      summary: "Standup",
      start: new Date("2026-12-07T08:00:00Z"),
      end: new Date("2026-12-07T08:30:00Z"),
      allDay: false,
      busy: true,
    });
  });

  it("a cancelled event is removed", () => {
    expect(readGoogleEvent({ id: "evt1", status: "cancelled" }, UTC)).toEqual({ kind: "removed" });
  });

  it('"show as available" (transparent) is free', () => {
    expect(readGoogleEvent(meeting({ transparency: "transparent" }), UTC)).toMatchObject({ busy: false });
  });

  it("an event the person declined is free; one someone else declined stays busy", () => {
    const declinedBySelf = meeting({
      attendees: [
        { email: "me@example.com", self: true, responseStatus: "declined" },
        { email: "boss@example.com", responseStatus: "accepted" },
      ],
    });
    const declinedByOther = meeting({
      attendees: [
        { email: "me@example.com", self: true, responseStatus: "accepted" },
        { email: "boss@example.com", responseStatus: "declined" },
      ],
    });
    expect(readGoogleEvent(declinedBySelf, UTC)).toMatchObject({ busy: false });
    expect(readGoogleEvent(declinedByOther, UTC)).toMatchObject({ busy: true });
  });

  it("a working-location event is free", () => {
    expect(readGoogleEvent(meeting({ eventType: "workingLocation" }), UTC)).toMatchObject({ busy: false });
  });

  it("out of office and focus time are busy, even when marked available", () => {
    for (const eventType of ["outOfOffice", "focusTime"]) {
      expect(readGoogleEvent(meeting({ eventType, transparency: "transparent" }), UTC)).toMatchObject({ busy: true });
    }
  });

  it("an all-day event is free unless the calendar says all-day events are busy", () => {
    const holiday = meeting({ start: { date: "2026-12-07" }, end: { date: "2026-12-08" } });
    expect(readGoogleEvent(holiday, UTC)).toMatchObject({ allDay: true, busy: false });
    expect(readGoogleEvent(holiday, { ...UTC, allDayBusy: true })).toMatchObject({ allDay: true, busy: true });
  });

  it("a busy all-day event blocks the whole day in the person's time zone (non-whole-hour offset)", () => {
    const holiday = meeting({ start: { date: "2026-12-07" }, end: { date: "2026-12-08" } });
    expect(readGoogleEvent(holiday, { allDayBusy: true, timeZone: "Asia/Kathmandu" })).toMatchObject({
      // Kathmandu is UTC+05:45: its midnight is 18:15 UTC the evening before.
      start: new Date("2026-12-06T18:15:00Z"),
      end: new Date("2026-12-07T18:15:00Z"),
      busy: true,
    });
  });

  it("a several-day all-day event blocks every day, across a DST change", () => {
    // Europe/Berlin leaves summer time on 2026-10-25: that day has 25 hours.
    const trip = meeting({ start: { date: "2026-10-24" }, end: { date: "2026-10-27" } });
    expect(readGoogleEvent(trip, { allDayBusy: true, timeZone: "Europe/Berlin" })).toMatchObject({
      start: new Date("2026-10-23T22:00:00Z"),
      end: new Date("2026-10-26T23:00:00Z"),
    });
  });

  it("a moved instance of a recurring event blocks only its new time", () => {
    const moved = meeting({
      id: "weekly_20261207T080000Z",
      recurringEventId: "weekly",
      originalStartTime: { dateTime: "2026-12-07T09:00:00+01:00" },
      start: { dateTime: "2026-12-07T15:00:00+01:00" },
      end: { dateTime: "2026-12-07T15:30:00+01:00" },
    });
    expect(readGoogleEvent(moved, UTC)).toMatchObject({
      start: new Date("2026-12-07T14:00:00Z"),
      end: new Date("2026-12-07T14:30:00Z"),
      busy: true,
    });
  });

  it("an event AgendaCraft wrote for a task is never busy time, even when cancelled", () => {
    const own = { private: { agendacraftTaskId: "0190a000-0000-7000-8000-000000000001" } };
    expect(readGoogleEvent(meeting({ extendedProperties: own }), UTC)).toEqual({
      kind: "own",
      taskId: "0190a000-0000-7000-8000-000000000001",
    });
    expect(readGoogleEvent(meeting({ extendedProperties: own, status: "cancelled" }), UTC)).toMatchObject({
      kind: "own",
    });
  });

  it("an event without a time, or taking no time, is removed", () => {
    expect(readGoogleEvent({ id: "x", status: "confirmed" }, UTC)).toEqual({ kind: "removed" });
    const instant = meeting({ end: { dateTime: "2026-12-07T09:00:00+01:00" } });
    expect(readGoogleEvent(instant, UTC)).toEqual({ kind: "removed" });
  });

  it("an untitled event is called Busy", () => {
    expect(readGoogleEvent(meeting({ summary: "  " }), UTC)).toMatchObject({ summary: "Busy" });
  });
});
