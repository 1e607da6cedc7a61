import { describe, expect, it } from "vitest";
import { moveAgendaEntry } from "./agenda-cache.ts";
import {
  CONFLICT_HINT,
  IN_GOOGLE_HINT,
  MOVE_HINT,
  OCCURRENCE_HINT,
  PART_HINT,
  taskBlockProps,
  taskEventProps,
  toCalendarEvents,
} from "./calendar-events.ts";
import { taskTimeUpdate } from "./task-time-update.ts";
import type { AgendaEntry } from "./week-types.ts";

const entry = (overrides: Partial<AgendaEntry>): AgendaEntry => ({
  taskId: "task-1",
  summary: "Write report",
  start: new Date("2026-06-02T08:00:00Z"),
  end: new Date("2026-06-02T09:00:00Z"),
  part: 1,
  partCount: 1,
  priority: 0,
  completed: false,
  projectId: null,
  conflict: false,
  syncedToGoogle: false,
  ...overrides,
});

describe("toCalendarEvents", () => {
  const window = {
    plannerId: "planner-1",
    start: new Date("2026-06-02T07:00:00Z"),
    end: new Date("2026-06-02T15:00:00Z"),
  };

  it("shades planner windows behind the tasks and never lets them be dragged", () => {
    const [shade] = toCalendarEvents([], [window]);
    expect(shade).toMatchObject({ display: "background", start: window.start, end: window.end });
    expect(shade?.editable).toBeUndefined();
    expect(taskEventProps((shade?.extendedProps as Record<string, unknown>) ?? {})).toBeNull();
  });

  it("shows a whole open task as a movable block carrying its task id", () => {
    const [block] = toCalendarEvents([entry({})], []);
    expect(block).toMatchObject({
      id: "task-1:1",
      title: "Write report",
      start: new Date("2026-06-02T08:00:00Z"),
      end: new Date("2026-06-02T09:00:00Z"),
      editable: true,
    });
    expect(block?.display).toBeUndefined();
    expect(taskEventProps(block?.extendedProps ?? {})).toEqual({
      kind: "task",
      taskId: "task-1",
      hint: MOVE_HINT,
      movable: true,
    });
  });

  it("labels the parts of a split task and keeps them in place, saying why", () => {
    const parts = toCalendarEvents(
      [1, 2, 3].map((part) => entry({ taskId: "long", summary: "Thesis", part, partCount: 3 })),
      [],
    );
    expect(parts.map((part) => part.title)).toEqual(["Thesis (part 1/3)", "Thesis (part 2/3)", "Thesis (part 3/3)"]);
    expect(new Set(parts.map((part) => part.id)).size).toBe(3);
    expect(parts.every((part) => part.editable === false)).toBe(true);
    expect(taskEventProps(parts[0]?.extendedProps ?? {})?.hint).toBe(PART_HINT);
  });

  it("shows each later occurrence of a repeating task under the task's name, as fixed blocks of their own", () => {
    const days = ["2026-06-02", "2026-06-03", "2026-06-04"];
    const blocks = toCalendarEvents(
      days.map((day, i) =>
        entry({
          taskId: "standup",
          summary: "Standup notes",
          start: new Date(`${day}T07:00:00Z`),
          end: new Date(`${day}T07:15:00Z`),
          ...(i === 0 ? {} : { occurrenceIndex: i + 1 }),
        }),
      ),
      [],
    );
    expect(blocks.map((block) => block.title)).toEqual(["Standup notes", "Standup notes", "Standup notes"]);
    expect(new Set(blocks.map((block) => block.id)).size).toBe(3);
    // The task's own time can be dragged; the time kept for later occurrences stays put, saying why.
    expect(blocks.map((block) => block.editable)).toEqual([true, false, false]);
    expect(taskEventProps(blocks[1]?.extendedProps ?? {})).toMatchObject({ taskId: "standup", hint: OCCURRENCE_HINT });
  });

  it("mutes a done task and keeps it where it was", () => {
    const [open] = toCalendarEvents([entry({})], []);
    const [done] = toCalendarEvents([entry({ completed: true })], []);
    expect(done?.editable).toBe(false);
    expect(done?.backgroundColor).not.toBe(open?.backgroundColor);
    expect(done?.classNames).toEqual(["agenda-done"]);
  });

  it("marks a planned task a calendar event overlaps as a conflict, and says why on hover", () => {
    const [clash] = toCalendarEvents([entry({ conflict: true })], []);
    expect(clash?.classNames).toEqual(["agenda-task", "agenda-conflict"]);
    expect(taskEventProps(clash?.extendedProps ?? {})?.hint).toBe(CONFLICT_HINT);
    expect(taskBlockProps(clash?.extendedProps ?? {})?.conflict).toBe(true);

    const [calm] = toCalendarEvents([entry({})], []);
    expect(calm?.classNames).toEqual(["agenda-task"]);
    expect(taskBlockProps(calm?.extendedProps ?? {})?.conflict).toBe(false);
  });

  it("marks a task written to Google Calendar, says so on hover, and leaves others unmarked", () => {
    const [synced] = toCalendarEvents([entry({ syncedToGoogle: true })], []);
    expect(taskBlockProps(synced?.extendedProps ?? {})?.inGoogle).toBe(true);
    expect(taskEventProps(synced?.extendedProps ?? {})?.hint).toBe(`${MOVE_HINT} ${IN_GOOGLE_HINT}`);

    const [local] = toCalendarEvents([entry({})], []);
    expect(taskBlockProps(local?.extendedProps ?? {})?.inGoogle).toBe(false);
    expect(taskEventProps(local?.extendedProps ?? {})?.hint).toBe(MOVE_HINT);
  });

  it("no longer calls a done task a conflict", () => {
    const [done] = toCalendarEvents([entry({ completed: true, conflict: true })], []);
    expect(done?.classNames).toEqual(["agenda-done"]);
    expect(taskBlockProps(done?.extendedProps ?? {})?.conflict).toBe(false);
  });
});

describe("moving a task on the calendar", () => {
  it("puts the moved task at its new time in the cached agenda, leaving the rest alone", () => {
    const other = entry({ taskId: "task-2", summary: "Other" });
    const agenda = { entries: [entry({}), other] };
    const start = new Date("2026-06-03T10:00:00Z");
    const end = new Date("2026-06-03T11:00:00Z");
    const moved = moveAgendaEntry(agenda, "task-1", start, end);
    expect(moved.entries[0]).toMatchObject({ taskId: "task-1", start, end });
    expect(moved.entries[1]).toBe(other);
    expect(agenda.entries[0]?.start).toEqual(new Date("2026-06-02T08:00:00Z"));
  });

  it("sends new times for a drag, and the new length in minutes for a resize", () => {
    const start = new Date("2026-06-03T10:00:00Z");
    const end = new Date("2026-06-03T11:30:00Z");
    expect(taskTimeUpdate({ taskId: "t", start, end, resized: false })).toEqual({
      id: "t",
      startTime: start,
      endTime: end,
    });
    expect(taskTimeUpdate({ taskId: "t", start, end, resized: true })).toEqual({
      id: "t",
      startTime: start,
      endTime: end,
      minutes: 90,
    });
  });

  it("shows a calendar's busy event as a fixed block that cannot be dragged", () => {
    const start = new Date("2026-06-02T09:00:00Z");
    const end = new Date("2026-06-02T10:00:00Z");
    const [busy] = toCalendarEvents(
      [],
      [],
      [{ id: "b1", start, end, summary: "Board meeting", connectionId: "f1", calendarId: "f1" }],
    );
    expect(busy).toMatchObject({ title: "Board meeting", start, end, editable: false, classNames: ["busy-event"] });
    expect(taskEventProps((busy?.extendedProps as Record<string, unknown>) ?? {})).toBeNull();
  });
});
