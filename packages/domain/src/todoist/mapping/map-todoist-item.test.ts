import { describe, expect, it } from "vitest";
import { ZTodoistItem } from "../api/todoist-objects.ts";
import { mapTodoistItem } from "./map-todoist-item.ts";

// Monday 7 December 2026, 07:00 in Berlin.
const NOW = new Date("2026-12-07T06:00:00Z");

function item(fields: Record<string, unknown>) {
  return ZTodoistItem.parse({ id: "1", project_id: "p", content: "Write report", ...fields });
}

function map(fields: Record<string, unknown>, { zone = "Europe/Berlin", section = null as string | null } = {}) {
  return mapTodoistItem({ item: item(fields), zone, now: NOW, sectionName: section });
}

const at = (iso: string) => new Date(iso);

describe("mapTodoistItem", () => {
  it.each([
    ["trims the title", { content: "  Write report \n" }, { summary: "Write report" }],
    ["a title without words", { content: "   " }, { summary: "Untitled Todoist task" }],
    ["Todoist p1 (4) is the highest", { priority: 4 }, { priority: 5 }],
    ["Todoist p2 (3)", { priority: 3 }, { priority: 4 }],
    ["Todoist p3 (2)", { priority: 2 }, { priority: 3 }],
    ["Todoist p4 (1) is no priority", { priority: 1 }, { priority: 0 }],
    ["labels are kept", { labels: ["home", "calls"] }, { labels: ["home", "calls"] }],
    ["no duration: 30 minutes", {}, { minutes: 30 }],
    ["a duration in minutes", { duration: { amount: 45, unit: "minute" } }, { minutes: 45 }],
    ["a duration of exactly 480 minutes", { duration: { amount: 480, unit: "minute" } }, { minutes: 480 }],
    ["checked is completed", { checked: true }, { completed: true }],
    ["no due: no dates", {}, { startTime: null, endTime: null, startAfter: null, dueAt: null }],
    [
      "a timed due in the future (UTC with a zone) is the start",
      {
        due: {
          date: "2026-12-08T09:00:00Z",
          datetime: "2026-12-08T09:00:00Z",
          timezone: "Europe/Berlin",
          string: "tomorrow 10am",
        },
        duration: { amount: 60, unit: "minute" },
      },
      { startTime: at("2026-12-08T09:00:00Z"), endTime: at("2026-12-08T10:00:00Z"), startAfter: null, dueAt: null },
    ],
    [
      "a floating timed due is read in the person's zone",
      { due: { date: "2026-12-08T10:00:00", string: "tomorrow 10am" } },
      { startTime: at("2026-12-08T09:00:00Z"), endTime: at("2026-12-08T09:30:00Z") },
    ],
    [
      "a date-only due plans the task on that day",
      { due: { date: "2026-12-09", string: "Dec 9" } },
      { startTime: null, startAfter: at("2026-12-08T23:00:00Z"), dueAt: at("2026-12-09T22:59:00Z") },
    ],
    [
      "a deadline wins over a date-only due's end of day",
      { due: { date: "2026-12-09", string: "Dec 9" }, deadline: { date: "2026-12-11" } },
      { startAfter: at("2026-12-08T23:00:00Z"), dueAt: at("2026-12-11T22:59:00Z") },
    ],
    [
      "a deadline alone is the due date",
      { deadline: { date: "2026-12-11" } },
      { startTime: null, startAfter: null, dueAt: at("2026-12-11T22:59:00Z") },
    ],
    [
      "a deadline with a timed due",
      { due: { date: "2026-12-08T10:00:00", string: "tomorrow 10am" }, deadline: { date: "2026-12-11" } },
      { startTime: at("2026-12-08T09:00:00Z"), dueAt: at("2026-12-11T22:59:00Z") },
    ],
    [
      "an overdue timed due is unscheduled, its time kept as start-after",
      {
        due: {
          date: "2026-12-06T09:00:00Z",
          datetime: "2026-12-06T09:00:00Z",
          timezone: "Europe/Berlin",
          string: "yesterday 10am",
        },
      },
      { startTime: null, endTime: null, startAfter: at("2026-12-06T09:00:00Z"), dueAt: null },
    ],
    [
      "a due earlier today is overdue too",
      { due: { date: "2026-12-07T06:30:00", string: "today 6:30" } },
      { startTime: null, startAfter: at("2026-12-07T05:30:00Z") },
    ],
    [
      "an overdue date is unscheduled, the day kept",
      { due: { date: "2026-12-01", string: "Dec 1" } },
      { startTime: null, startAfter: at("2026-11-30T23:00:00Z"), dueAt: at("2026-12-01T22:59:00Z") },
    ],
    [
      "a day across the spring DST change",
      { due: { date: "2027-03-28", string: "Mar 28" } },
      { startAfter: at("2027-03-27T23:00:00Z"), dueAt: at("2027-03-28T21:59:00Z") },
    ],
    [
      "a repeat Todoist words is a recurrence, its words kept",
      { due: { date: "2026-12-08", string: "every day", is_recurring: true } },
      {
        recurrence: "FREQ=DAILY",
        recurrenceAnchor: "scheduled",
        recurrenceText: "every day",
        startAfter: at("2026-12-07T23:00:00Z"),
      },
    ],
    [
      "every! counts from completion",
      { due: { date: "2026-12-08", string: "every! 3 days", is_recurring: true } },
      { recurrence: "FREQ=DAILY;INTERVAL=3", recurrenceAnchor: "completion", recurrenceText: "every! 3 days" },
    ],
    [
      "a weekday list",
      { due: { date: "2026-12-09", string: "every mon, wed", is_recurring: true } },
      { recurrence: "FREQ=WEEKLY;BYDAY=MO,WE", recurrenceText: "every mon, wed" },
    ],
    [
      "a due that does not repeat has no recurrence text",
      { due: { date: "2026-12-09", string: "Dec 9" } },
      { recurrence: null, recurrenceText: null },
    ],
  ] as const)("%s", (_name, fields, expected) => {
    const { task, unmappedReason } = map(fields);
    expect(task).toMatchObject(expected);
    expect(unmappedReason).toBeNull();
  });

  it("reads a date-only due in a zone with a non-whole-hour offset", () => {
    const { task } = map({ due: { date: "2026-12-09", string: "Dec 9" } }, { zone: "Asia/Kathmandu" });
    expect(task.startAfter).toEqual(at("2026-12-08T18:15:00Z"));
    expect(task.dueAt).toEqual(at("2026-12-09T18:14:00Z"));
  });

  it("keeps the section as a label “§ name” after the task's labels", () => {
    expect(map({ labels: ["home"] }, { section: "Errands" }).task.labels).toEqual(["home", "§ Errands"]);
  });

  it.each([
    [
      "a title over 255 characters",
      { content: "x".repeat(300) },
      { summary: "x".repeat(255) },
      /title was longer than 255/,
    ],
    [
      "a description over 10,000 characters",
      { description: "y".repeat(10_050) },
      { description: "y".repeat(10_000) },
      /description was longer than 10,000/,
    ],
    [
      "a duration over 480 minutes",
      { duration: { amount: 600, unit: "minute" } },
      { minutes: 480 },
      /600 minutes is planned as 480/,
    ],
    ["a duration in days", { duration: { amount: 2, unit: "day" } }, { minutes: 480 }, /2 days is planned as 480/],
    ["a title without words", { content: "" }, { summary: "Untitled Todoist task" }, /no title/],
    [
      "a due in an unknown zone",
      {
        due: { date: "2026-12-08T09:00:00Z", datetime: "2026-12-08T09:00:00Z", timezone: "Mars/Olympus", string: "x" },
      },
      { startTime: null, startAfter: null },
      /due date was left out/,
    ],
  ] as const)("notes what it cannot keep: %s", (_name, fields, expected, noteText) => {
    const { task, notes } = map(fields);
    expect(task).toMatchObject(expected);
    expect(notes).toEqual([expect.stringMatching(noteText)]);
  });

  it("cuts a long title without splitting an emoji", () => {
    const { task } = map({ content: `${"x".repeat(254)}😀😀` });
    expect(Array.from(task.summary)).toHaveLength(255);
    expect(task.summary.endsWith("😀")).toBe(true);
  });

  it("lists a repeat it cannot map, still imports the task and keeps the words", () => {
    const { task, unmappedReason } = map({
      due: { date: "2026-12-08T09:00:00", string: "every hour", is_recurring: true },
    });
    expect(unmappedReason).toMatch(/every hour/);
    expect(task).toMatchObject({ recurrence: null, recurrenceAnchor: null, recurrenceText: "every hour" });
    expect(task.startTime).toEqual(at("2026-12-08T08:00:00Z"));
  });
});
