import { describe, expect, it } from "vitest";
import { describeChange, formatSpan, plannedMessage, undoMessages } from "./plan-format.ts";
import type { PlanChange } from "./week-types.ts";

const BERLIN = "Europe/Berlin";

const change = (overrides: Partial<PlanChange>): PlanChange => ({
  taskId: "t1",
  summary: "Write report",
  oldStart: null,
  oldEnd: null,
  newStart: new Date("2026-03-03T08:00:00Z"),
  newEnd: new Date("2026-03-03T09:00:00Z"),
  parts: null,
  explanation: "earliest free slot in Work",
  ...overrides,
});

describe("the plan preview's words", () => {
  it("writes a time span in the person's zone, naming the second day only when it differs", () => {
    expect(formatSpan(new Date("2026-03-03T08:00:00Z"), new Date("2026-03-03T09:00:00Z"), BERLIN)).toBe(
      "Tue 3 Mar 09:00–10:00",
    );
    expect(formatSpan(new Date("2026-03-03T22:00:00Z"), new Date("2026-03-04T00:00:00Z"), BERLIN)).toBe(
      "Tue 3 Mar 23:00 – Wed 4 Mar 01:00",
    );
  });

  it("describes an unscheduled task getting a time", () => {
    expect(describeChange(change({}), BERLIN)).toMatchObject({
      summary: "Write report",
      before: "unscheduled",
      after: "Tue 3 Mar 09:00–10:00",
      parts: [],
    });
  });

  it("describes a moved task from its old time, and a split one by its parts", () => {
    const moved = change({ oldStart: new Date("2026-03-02T08:00:00Z"), oldEnd: new Date("2026-03-02T09:00:00Z") });
    expect(describeChange(moved, BERLIN).before).toBe("Mon 2 Mar 09:00–10:00");
    const split = describeChange(
      change({
        parts: [
          { start: new Date("2026-03-03T08:00:00Z"), end: new Date("2026-03-03T09:00:00Z") },
          { start: new Date("2026-03-04T08:00:00Z"), end: new Date("2026-03-04T10:00:00Z") },
        ],
      }),
      BERLIN,
    );
    expect(split.after).toBe("2 parts");
    expect(split.parts).toEqual(["Part 1: Tue 3 Mar 09:00–10:00", "Part 2: Wed 4 Mar 09:00–11:00"]);
  });

  it("counts planned tasks and reports what an undo left alone", () => {
    expect(plannedMessage(1)).toBe("Planned 1 task");
    expect(plannedMessage(3)).toBe("Planned 3 tasks");
    const run = {
      id: "r",
      trigger: "manual",
      placedCount: 3,
      unplacedCount: 0,
      createdAt: new Date(),
      undoneAt: new Date(),
    };
    expect(undoMessages({ run, restored: 2, skipped: [] })).toEqual({
      done: "Plan undone: 2 tasks are back where they were",
      skipped: null,
    });
    expect(
      undoMessages({
        run,
        restored: 1,
        skipped: [
          { taskId: "m", summary: "Moved", reason: "moved_since" },
          { taskId: "c", summary: "Done", reason: "completed_since" },
          { taskId: "t", summary: "Renamed", reason: "edited_since" },
          { taskId: null, summary: "(deleted task)", reason: "deleted" },
        ],
      }).skipped,
    ).toBe(
      "Left as they are: “Moved” (moved by hand after the plan), “Done” (completed since), “Renamed” (edited since), a task deleted since",
    );
    expect(undoMessages({ run, restored: 0, skipped: [] }).done).toBe("Plan undone: no task was put back");
  });
});
