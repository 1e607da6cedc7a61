import { describe, expect, it } from "vitest";
import { dropDistantEvents } from "./drop-distant-events.ts";
import { calendarText } from "./testing/feed-fixtures.ts";

const RANGE = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-30T00:00:00Z") };
const uids = (text: string) => [...text.matchAll(/^UID:(.*)$/gm)].map((match) => match[1]?.trim());

describe("dropDistantEvents", () => {
  it("drops one-off events well outside the range and keeps everything it cannot rule out", () => {
    const text = calendarText([
      ["UID:old", "SUMMARY:Old", "DTSTART:20240101T090000Z", "DTEND:20240101T100000Z"],
      ["UID:far-ahead", "SUMMARY:Later", "DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261225"],
      [
        "UID:inside",
        "SUMMARY:Inside",
        "DTSTART;TZID=Europe/Berlin:20260610T090000",
        "DTEND;TZID=Europe/Berlin:20260610T100000",
      ],
      // The day before the range: a zone far east or west may put it inside.
      ["UID:edge", "SUMMARY:Edge", "DTSTART:20260531T230000Z", "DTEND:20260531T235000Z"],
      ["UID:long-trip", "SUMMARY:Trip", "DTSTART;VALUE=DATE:20260501", "DTEND;VALUE=DATE:20260603"],
      ["UID:series", "SUMMARY:Weekly", "DTSTART:20200106T090000Z", "DTEND:20200106T100000Z", "RRULE:FREQ=WEEKLY"],
      ["UID:by-duration", "SUMMARY:Duration", "DTSTART:20240101T090000Z", "DURATION:PT1H"],
      // A one-off whose changed instance is elsewhere in the file: the full reading decides.
      ["UID:changed", "SUMMARY:Changed", "DTSTART:20240101T090000Z", "DTEND:20240101T100000Z"],
      [
        "UID:changed",
        "SUMMARY:Moved",
        "RECURRENCE-ID:20240101T090000Z",
        "DTSTART:20260610T090000Z",
        "DTEND:20260610T100000Z",
      ],
      ["UID:odd-date", "SUMMARY:Odd", "DTSTART:2024-01-01", "DTEND:2024-01-01"],
    ]);
    expect(uids(dropDistantEvents(text, RANGE))).toEqual([
      "inside",
      "edge",
      "long-trip",
      "series",
      "by-duration",
      "changed",
      "changed",
      "odd-date",
    ]);
  });

  it("unfolds long lines first, so a folded date is still read", () => {
    const text = calendarText([
      ["UID:folded", "SUMMARY:Folded", "DTSTART:2024010", " 1T090000Z", "DTEND:20240101T100000Z"],
    ]);
    expect(uids(dropDistantEvents(text, RANGE))).toEqual([]);
  });

  it("leaves the rest of the file as it was", () => {
    const text = calendarText([["UID:inside", "SUMMARY:Inside", "DTSTART:20260610T090000Z", "DTEND:20260610T100000Z"]]);
    expect(dropDistantEvents(text, RANGE)).toBe(text);
  });
});
