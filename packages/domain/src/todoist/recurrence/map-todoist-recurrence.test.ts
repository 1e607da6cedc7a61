import { describe, expect, it } from "vitest";
import { listOccurrences } from "../../scheduler/recurrence/index.ts";
import { mapTodoistRecurrence } from "./map-todoist-recurrence.ts";

const ZONE = "Europe/Berlin";
// Wednesday 2 December 2026; each row's due is the next occurrence, as Todoist keeps it.
const WEDNESDAY = "2026-12-02";

type Row = [text: string, dueDate: string, rrule: string, anchor?: "scheduled" | "completion"];

const MAPPED: Row[] = [
  ["every day", WEDNESDAY, "FREQ=DAILY"],
  ["daily", WEDNESDAY, "FREQ=DAILY"],
  ["Every Day", WEDNESDAY, "FREQ=DAILY"],
  ["ev day", WEDNESDAY, "FREQ=DAILY"],
  ["every 3 days", WEDNESDAY, "FREQ=DAILY;INTERVAL=3"],
  ["every other day", WEDNESDAY, "FREQ=DAILY;INTERVAL=2"],
  ["every weekday", WEDNESDAY, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
  ["every workday", WEDNESDAY, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
  ["every week", WEDNESDAY, "FREQ=WEEKLY;BYDAY=WE"],
  ["weekly", WEDNESDAY, "FREQ=WEEKLY;BYDAY=WE"],
  ["every other week", WEDNESDAY, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"],
  ["every 2 weeks", WEDNESDAY, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"],
  ["every weekend", "2026-12-05", "FREQ=WEEKLY;BYDAY=SA"],
  ["every mon, wed", WEDNESDAY, "FREQ=WEEKLY;BYDAY=MO,WE"],
  ["ev mon, fri", "2026-12-04", "FREQ=WEEKLY;BYDAY=MO,FR"],
  ["every monday and friday", "2026-12-04", "FREQ=WEEKLY;BYDAY=MO,FR"],
  ["every mon, tues, wed, and fri", WEDNESDAY, "FREQ=WEEKLY;BYDAY=MO,TU,WE,FR"],
  ["every other tuesday", "2026-12-08", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"],
  ["every 2 weeks on mon, wed", WEDNESDAY, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"],
  ["every other week on friday", "2026-12-04", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"],
  ["every month", WEDNESDAY, "FREQ=MONTHLY;BYMONTHDAY=2"],
  ["monthly", WEDNESDAY, "FREQ=MONTHLY;BYMONTHDAY=2"],
  ["every 3 months", WEDNESDAY, "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=2"],
  ["every other month", WEDNESDAY, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=2"],
  ["every 15th", "2026-12-15", "FREQ=MONTHLY;BYMONTHDAY=15"],
  ["every 27", "2026-12-27", "FREQ=MONTHLY;BYMONTHDAY=27"],
  ["every 1st and 15th", "2026-12-15", "FREQ=MONTHLY;BYMONTHDAY=1,15"],
  ["every 1st, 15th", "2026-12-15", "FREQ=MONTHLY;BYMONTHDAY=1,15"],
  ["every last day", "2026-12-31", "FREQ=MONTHLY;BYMONTHDAY=-1"],
  ["every last day of the month", "2026-12-31", "FREQ=MONTHLY;BYMONTHDAY=-1"],
  ["every 2 months on the 15th", "2026-12-15", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15"],
  ["every 3rd friday", "2026-12-18", "FREQ=MONTHLY;BYDAY=3FR"],
  ["every third friday of the month", "2026-12-18", "FREQ=MONTHLY;BYDAY=3FR"],
  ["every last friday", "2026-12-25", "FREQ=MONTHLY;BYDAY=-1FR"],
  ["every first monday", "2027-01-04", "FREQ=MONTHLY;BYDAY=1MO"],
  ["every last workday", "2026-12-31", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"],
  ["every 1st workday", "2027-01-01", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1"],
  ["every 15th workday, last workday", "2026-12-21", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=15,-1"],
  ["every month on the 12th", "2026-12-12", "FREQ=MONTHLY;BYMONTHDAY=12"],
  ["every year", WEDNESDAY, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=2"],
  ["yearly", WEDNESDAY, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=2"],
  ["every jan 1", "2027-01-01", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"],
  ["every january 1st", "2027-01-01", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"],
  ["every 27th jan", "2027-01-27", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27"],
  ["every year on the 3rd of march", "2027-03-03", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3"],
  ["every! 3 days", WEDNESDAY, "FREQ=DAILY;INTERVAL=3", "completion"],
  ["every! 2 weeks on mon at 8am", "2026-12-07", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "completion"],
  ["every! week", WEDNESDAY, "FREQ=WEEKLY;BYDAY=WE", "completion"],
  ["ev! 2 months", WEDNESDAY, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=2", "completion"],
  ["every day until dec 20", WEDNESDAY, "FREQ=DAILY;UNTIL=20261220"],
  ["every day ending 2027-01-31", WEDNESDAY, "FREQ=DAILY;UNTIL=20270131"],
  ["every monday until jan 4", "2026-12-07", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270104"],
  ["every day for 3 weeks", WEDNESDAY, "FREQ=DAILY;UNTIL=20261222"],
  ["every other week for two months", WEDNESDAY, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20270201"],
  ["every day starting dec 2", WEDNESDAY, "FREQ=DAILY"],
  ["every 14 days starting 1 dec until 31 jan", WEDNESDAY, "FREQ=DAILY;INTERVAL=14;UNTIL=20270131"],
];

const UNMAPPED: [text: string, reason: string][] = [
  ["every other full moon", "‘every other full moon’ is not a pattern AgendaCraft understands"],
  ["every hour", "‘every hour’ repeats within a day, which AgendaCraft tasks cannot"],
  ["every 12 hours", "‘every 12 hours’ repeats within a day, which AgendaCraft tasks cannot"],
  ["every 3 days!", "write “every!” at the start"],
  ["every mon 9am, wed 5pm", "‘every mon 9am, wed 5pm’ has more than one time of day"],
  ["every feb 30", "‘every feb 30’ names a day that no year has"],
  ["every 32nd", "‘every 32nd’ names a day of the month that does not exist"],
  ["every 2 weekdays", "‘every 2 weekdays’ is not a pattern AgendaCraft understands"],
  ["every day except friday", "‘every day except friday’ is not a pattern AgendaCraft understands"],
  ["every day until someday", "‘every day until someday’: AgendaCraft cannot read when it ends"],
  ["every day until nov 1 2026", "‘every day until nov 1 2026’ ends before its first date"],
  ["every 25th hour", "‘every 25th hour’ is not a pattern AgendaCraft understands"],
  ["tomorrow", "‘tomorrow’ is not a pattern AgendaCraft understands"],
  ["every 3 weeks on the 15th", "‘every 3 weeks on the 15th’ is not a pattern AgendaCraft understands"],
];

describe("mapTodoistRecurrence: Todoist due strings to RRULE", () => {
  it("covers at least 40 strings, 30 of them mapped", () => {
    expect(MAPPED.length).toBeGreaterThanOrEqual(30);
    expect(MAPPED.length + UNMAPPED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(MAPPED)("%j (due %s) -> %s", (text, date, rrule, anchor = "scheduled") => {
    expect(mapTodoistRecurrence({ text, due: { date }, zone: ZONE })).toMatchObject({ ok: true, rrule, anchor });
  });

  it.each(MAPPED)("%j (due %s) starts on Todoist's due, a day its rule gives", (text, date) => {
    const mapped = mapTodoistRecurrence({ text, due: { date }, zone: ZONE });
    if (!mapped.ok) throw new Error(mapped.reason);
    const [first] = listOccurrences({ rule: mapped.rrule, start: mapped.dtstart, timeZone: ZONE, count: 1 });
    expect(first).toEqual(mapped.dtstart);
  });

  it.each(UNMAPPED)("%j is listed as unmapped: %s", (text, reason) => {
    const result = mapTodoistRecurrence({ text, due: { date: WEDNESDAY }, zone: ZONE });
    expect(result.ok).toBe(false);
    expect(result).toHaveProperty("reason", expect.stringContaining(reason));
  });
});

describe("mapTodoistRecurrence: the first occurrence", () => {
  it("starts at the local start of Todoist's date when no time is given", () => {
    expect(mapTodoistRecurrence({ text: "every day", due: { date: WEDNESDAY }, zone: ZONE })).toEqual({
      ok: true,
      rrule: "FREQ=DAILY",
      anchor: "scheduled",
      dtstart: new Date("2026-12-01T23:00:00Z"),
      allDay: true,
      timeZone: ZONE,
    });
  });

  it.each([
    ["every day at 9am", "2026-12-02T08:00:00Z"],
    ["every day 9:30pm", "2026-12-02T20:30:00Z"],
    ["Every Tues at 14:30", "2026-12-02T13:30:00Z"],
    ["every mon @ 7am", "2026-12-02T06:00:00Z"],
    ["every weekday at noon", "2026-12-02T11:00:00Z"],
    ["every morning", "2026-12-02T08:00:00Z"],
    ["every afternoon", "2026-12-02T11:00:00Z"],
    ["every evening", "2026-12-02T18:00:00Z"],
    ["every night", "2026-12-02T21:00:00Z"],
    ["every evening at 8pm", "2026-12-02T19:00:00Z"],
    ["every 14 days 7am starting 1 nov", "2026-12-02T06:00:00Z"],
  ])("%j takes the time from the string: %s", (text, dtstart) => {
    expect(mapTodoistRecurrence({ text, due: { date: WEDNESDAY }, zone: ZONE })).toMatchObject({
      ok: true,
      dtstart: new Date(dtstart),
      allDay: false,
    });
  });

  it("takes Todoist's own date-time over the string's time, in API v1's and REST's shapes", () => {
    const floating = { date: "2026-12-02T10:15:00" };
    expect(mapTodoistRecurrence({ text: "every day at 9am", due: floating, zone: ZONE })).toMatchObject({
      dtstart: new Date("2026-12-02T09:15:00Z"),
    });
    const rest = { date: WEDNESDAY, datetime: "2026-12-02T10:15:00" };
    expect(mapTodoistRecurrence({ text: "every day", due: rest, zone: ZONE })).toMatchObject({
      dtstart: new Date("2026-12-02T09:15:00Z"),
      allDay: false,
    });
  });

  it("repeats in the due's fixed time zone when Todoist has one", () => {
    const due = { date: "2026-12-02T14:00:00Z", timezone: "Asia/Kathmandu" };
    expect(mapTodoistRecurrence({ text: "every day", due, zone: ZONE })).toMatchObject({
      ok: true,
      dtstart: new Date("2026-12-02T14:00:00Z"),
      timeZone: "Asia/Kathmandu",
    });
  });

  it("says why when the due itself cannot be read", () => {
    expect(mapTodoistRecurrence({ text: "every day", due: { date: "2026-02-30" }, zone: ZONE })).toEqual({
      ok: false,
      reason: "‘every day’: the due date ‘2026-02-30’ is not a date AgendaCraft can read",
    });
    expect(
      mapTodoistRecurrence({ text: "every day", due: { date: WEDNESDAY, timezone: "Mars/Base" }, zone: ZONE }),
    ).toEqual({ ok: false, reason: "‘every day’: the time zone ‘Mars/Base’ is not one AgendaCraft knows" });
  });
});
