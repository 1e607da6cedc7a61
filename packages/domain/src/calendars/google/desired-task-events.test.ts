import { describe, expect, it } from "vitest";
import { desiredTaskEvents, type TaskForCalendar } from "./desired-task-events.ts";
import { taskEventId } from "./task-event-id.ts";

const at = (hhmm: string) => new Date(`2026-06-02T${hhmm}:00Z`);
const task = (overrides: Partial<TaskForCalendar> = {}): TaskForCalendar => ({
  summary: "Write report",
  startTime: at("09:00"),
  endTime: at("10:00"),
  minutes: 60,
  completedAt: null,
  blocks: [],
  ...overrides,
});

describe("desiredTaskEvents", () => {
  it("gives a scheduled task one event from its start to its end", () => {
    expect(desiredTaskEvents(task())).toEqual([
      { blockIndex: 0, start: at("09:00"), end: at("10:00"), summary: "Write report" },
    ]);
  });

  it("ends a task without an end after its minutes", () => {
    expect(desiredTaskEvents(task({ endTime: null, minutes: 45 }))[0]?.end).toEqual(at("09:45"));
  });

  it("gives an unscheduled task no event", () => {
    expect(desiredTaskEvents(task({ startTime: null, endTime: null }))).toEqual([]);
  });

  it("gives a split task one event per block, numbered in time order", () => {
    const blocks = [
      { start: at("14:00"), end: at("15:00") },
      { start: at("09:00"), end: at("09:30") },
    ];
    expect(desiredTaskEvents(task({ blocks, endTime: at("15:00") }))).toEqual([
      { blockIndex: 0, start: at("09:00"), end: at("09:30"), summary: "Write report" },
      { blockIndex: 1, start: at("14:00"), end: at("15:00"), summary: "Write report" },
    ]);
  });

  it("marks a completed task's events with a check mark", () => {
    expect(desiredTaskEvents(task({ completedAt: at("10:00") }))[0]?.summary).toBe("✓ Write report");
  });
});

describe("taskEventId", () => {
  it("is the same for the same block, different per block, and only uses Google's base32hex alphabet", () => {
    const id = taskEventId("0192F3A4-5B6C-7D8E-9F00-112233445566", 0);
    expect(id).toBe("0192f3a45b6c7d8e9f00112233445566b0");
    expect(taskEventId("0192f3a4-5b6c-7d8e-9f00-112233445566", 1)).not.toBe(id);
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
  });
});
