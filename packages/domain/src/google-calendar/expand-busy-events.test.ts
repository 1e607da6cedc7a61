import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { type BusyOccurrence, expandBusyEvents } from "./expand-busy-events.ts";
import { calendarText, GOOGLE_FEED, WEEKLY_MEETING } from "./testing/feed-fixtures.ts";

const JUNE = { from: new Date("2026-05-25T09:00:00Z"), to: new Date("2026-08-30T09:00:00Z") };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : "not a DomainError";
  }
  return undefined;
}

describe("expandBusyEvents", () => {
  // Nothing may depend on the machine's zone: run in one with a 5:45 offset.
  const machineZone = process.env.TZ;
  let june: BusyOccurrence[] = [];
  beforeAll(() => {
    process.env.TZ = "Asia/Kathmandu";
    june = expandBusyEvents({ text: GOOGLE_FEED, ...JUNE, timeZone: "America/Los_Angeles" });
  });
  afterAll(() => {
    process.env.TZ = machineZone;
  });

  const bySummary = (summary: string) => june.filter((event) => event.summary === summary);

  it("expands a weekly meeting at 10:00 Berlin summer time, without the excluded week, with the moved instance", () => {
    const meetings = bySummary("Team sync").map((event) => event.start.toISOString());
    expect(meetings.slice(0, 4)).toEqual([
      "2026-05-28T08:00:00.000Z",
      "2026-06-04T08:00:00.000Z",
      // 11 June is an EXDATE; 18 June moved to Friday.
      "2026-06-25T08:00:00.000Z",
      "2026-07-02T08:00:00.000Z",
    ]);
    expect(meetings.at(-1)).toBe("2026-08-27T08:00:00.000Z");
    expect(bySummary("Team sync (moved)")).toEqual([
      {
        uid: "weekly-sync@google.com#2026-06-18T08:00:00.000Z",
        summary: "Team sync (moved)",
        start: new Date("2026-06-19T12:00:00Z"),
        end: new Date("2026-06-19T13:00:00Z"),
      },
    ]);
    expect(new Set(june.map((event) => event.uid)).size).toBe(june.length);
  });

  it("makes an all-day event busy for that whole day in the person's zone", () => {
    expect(bySummary("Offsite")).toEqual([
      {
        uid: "offsite@google.com#2026-06-03T07:00:00.000Z",
        summary: "Offsite",
        start: new Date("2026-06-03T07:00:00Z"),
        end: new Date("2026-06-04T07:00:00Z"),
      },
    ]);
  });

  it("reads a TZID the file does not define as an IANA zone, and UTC times as given", () => {
    expect(bySummary("Call with New York")[0]).toMatchObject({
      start: new Date("2026-06-04T13:00:00Z"),
      end: new Date("2026-06-04T13:30:00Z"),
    });
    expect(bySummary("Lunch with Sam")[0]).toMatchObject({
      start: new Date("2026-06-02T11:00:00Z"),
      end: new Date("2026-06-02T12:00:00Z"),
    });
  });

  it("leaves out free and cancelled events and those outside the range", () => {
    expect(bySummary("Shown as free")).toEqual([]);
    expect(bySummary("Dentist")).toEqual([]);
    expect(bySummary("Long ago")).toEqual([]);
    expect(june.every((event) => event.end > JUNE.from && event.start < JUNE.to)).toBe(true);
  });

  it("keeps 10:00 Berlin when summer time ends inside the range", () => {
    const autumn = expandBusyEvents({
      text: calendarText(WEEKLY_MEETING),
      from: new Date("2026-10-15T00:00:00Z"),
      to: new Date("2026-11-06T00:00:00Z"),
      timeZone: "UTC",
    });
    expect(autumn.map((event) => event.start.toISOString())).toEqual([
      "2026-10-15T08:00:00.000Z",
      "2026-10-22T08:00:00.000Z",
      // Berlin is back on UTC+1 from 25 October.
      "2026-10-29T09:00:00.000Z",
      "2026-11-05T09:00:00.000Z",
    ]);
  });

  it("gives an all-day event without an end its one day, and drops an event that takes no time", () => {
    const events = expandBusyEvents({
      text: calendarText([
        ["DTSTART;VALUE=DATE:20260610", "UID:holiday", "SUMMARY:Holiday"],
        ["DTSTART:20260610T120000Z", "UID:instant", "SUMMARY:Instant"],
      ]),
      ...JUNE,
      timeZone: "Europe/Berlin",
    });
    expect(events).toEqual([
      {
        uid: "holiday#2026-06-09T22:00:00.000Z",
        summary: "Holiday",
        start: new Date("2026-06-09T22:00:00Z"),
        end: new Date("2026-06-10T22:00:00Z"),
      },
    ]);
  });

  it("refuses text that is not iCalendar", () => {
    expect(codeOf(() => expandBusyEvents({ text: "<html></html>", ...JUNE, timeZone: "UTC" }))).toBe(
      "google-calendar.feed_invalid",
    );
    expect(codeOf(() => expandBusyEvents({ text: "BEGIN:VCALENDAR\r\nnonsense", ...JUNE, timeZone: "UTC" }))).toBe(
      "google-calendar.feed_invalid",
    );
  });
});
