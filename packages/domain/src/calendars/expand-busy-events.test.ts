import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { MAX_INSTANT, MIN_INSTANT } from "../shared/instant.ts";
import {
  type BusyOccurrence,
  expandBusyEvents,
  expandBusyEventsInTurns,
  MAX_OCCURRENCES_PER_FEED,
} from "./expand-busy-events.ts";
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

  it("clips events reaching past the supported date range to its edges instead of storing dates no one can read back", () => {
    const events = expandBusyEvents({
      text: calendarText([
        ["DTSTART:20260601T090000Z", "DTEND:99991231T235900Z", "UID:until-9999", "SUMMARY:Until 9999"],
        ["DTSTART;VALUE=DATE:20260602", "DTEND;VALUE=DATE:99991231", "UID:all-day-9999", "SUMMARY:All days"],
        ["DTSTART:20260603T090000Z", "DURATION:P99999999W", "UID:two-million-years", "SUMMARY:Forever"],
        ["DTSTART:19600101T000000Z", "DTEND:20260604T100000Z", "UID:since-1960", "SUMMARY:Since 1960"],
      ]),
      ...JUNE,
      timeZone: "UTC",
    });
    expect(events.map(({ summary, start, end }) => ({ summary, start, end }))).toEqual([
      { summary: "Since 1960", start: MIN_INSTANT, end: new Date("2026-06-04T10:00:00Z") },
      { summary: "Until 9999", start: new Date("2026-06-01T09:00:00Z"), end: MAX_INSTANT },
      { summary: "All days", start: new Date("2026-06-02T00:00:00Z"), end: MAX_INSTANT },
      { summary: "Forever", start: new Date("2026-06-03T09:00:00Z"), end: MAX_INSTANT },
    ]);
  });

  it("reads a repeating event with a DURATION of millions of weeks quickly, each occurrence ending at the range's end", () => {
    // ical.js used to take about two seconds per occurrence to add such a duration, so this
    // daily event would have kept the sync busy for minutes (the test timeout fails it first).
    const events = expandBusyEvents({
      text: calendarText([
        ["DTSTART:20260525T080000Z", "RRULE:FREQ=DAILY", "DURATION:P99999999W", "UID:daily", "SUMMARY:Daily"],
      ]),
      ...JUNE,
      timeZone: "UTC",
    });
    // 25 May to 30 August: every day's occurrence overlaps the window, as none ever ends.
    expect(events).toHaveLength(98);
    expect(events.at(-1)?.start).toEqual(new Date("2026-08-30T08:00:00Z"));
    expect(events.every((event) => event.end.getTime() === MAX_INSTANT.getTime())).toBe(true);
  });

  it("finds the occurrences of a series that began years before the range, a long one reaching into it included", () => {
    const events = expandBusyEvents({
      text: calendarText([
        // Every 10 days since 2020, each lasting 3 days: the one from 29 May reaches into the range.
        [
          "UID:retreat",
          "SUMMARY:Retreat",
          "DTSTART:20200101T090000Z",
          "DTEND:20200104T090000Z",
          "RRULE:FREQ=DAILY;INTERVAL=10",
        ],
      ]),
      from: new Date("2026-05-31T00:00:00Z"),
      to: new Date("2026-06-10T00:00:00Z"),
      timeZone: "UTC",
    });
    expect(events.map((event) => [event.start.toISOString(), event.end.toISOString()])).toEqual([
      ["2026-05-29T09:00:00.000Z", "2026-06-01T09:00:00.000Z"],
      ["2026-06-08T09:00:00.000Z", "2026-06-11T09:00:00.000Z"],
    ]);
  });

  it(`refuses a calendar with more than ${MAX_OCCURRENCES_PER_FEED} events in the range`, () => {
    const hourly = calendarText([
      ["UID:every-hour", "SUMMARY:Ping", "DTSTART:20260601T000000Z", "DTEND:20260601T001500Z", "RRULE:FREQ=HOURLY"],
    ]);
    const read = (days: number) => () =>
      expandBusyEvents({
        text: hourly,
        from: new Date("2026-06-01T00:00:00Z"),
        to: new Date(Date.UTC(2026, 5, 1) + days * 86_400_000),
        timeZone: "UTC",
      });
    expect(read(Math.floor(MAX_OCCURRENCES_PER_FEED / 24))().length).toBeLessThanOrEqual(MAX_OCCURRENCES_PER_FEED);
    expect(codeOf(read(Math.ceil(MAX_OCCURRENCES_PER_FEED / 24) + 1))).toBe("calendars.feed_invalid");
  });

  it("keeps a one-off event that began days before the range and lasts into it", () => {
    const events = expandBusyEvents({
      text: calendarText([
        ["UID:trip", "SUMMARY:Trip", "DTSTART;VALUE=DATE:20260520", "DTEND;VALUE=DATE:20260530"],
        ["UID:old", "SUMMARY:Old", "DTSTART:20240101T090000Z", "DTEND:20240101T100000Z"],
        ["UID:later", "SUMMARY:Later", "DTSTART:20261001T090000Z", "DURATION:PT1H"],
      ]),
      ...JUNE,
      timeZone: "UTC",
    });
    expect(events.map((event) => event.summary)).toEqual(["Trip"]);
  });

  it("gives the same in turns of the event loop, letting other work run in between", async () => {
    const order: string[] = [];
    const expanding = expandBusyEventsInTurns(
      { text: GOOGLE_FEED, ...JUNE, timeZone: "America/Los_Angeles" },
      { turnMs: 0 },
    ).then((events) => {
      order.push("expanded");
      return events;
    });
    setImmediate(() => order.push("other request"));
    await expect(expanding).resolves.toEqual(june);
    expect(order).toEqual(["other request", "expanded"]);
  });

  it("refuses text that is not iCalendar", () => {
    expect(codeOf(() => expandBusyEvents({ text: "<html></html>", ...JUNE, timeZone: "UTC" }))).toBe(
      "calendars.feed_invalid",
    );
    expect(codeOf(() => expandBusyEvents({ text: "BEGIN:VCALENDAR\r\nnonsense", ...JUNE, timeZone: "UTC" }))).toBe(
      "calendars.feed_invalid",
    );
  });
});
