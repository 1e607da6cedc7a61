import { describe, expect, it } from "vitest";
import type { LocalTaskFields, RemoteFields } from "../../todoist-snapshot.ts";
import { localFieldsOf } from "../../todoist-snapshot.ts";
import { localDate } from "./local-date.ts";
import { type PushTask, planTaskPush } from "./plan-task-push.ts";
import { todoistPriorityOf } from "./todoist-priority.ts";

const REMOTE: RemoteFields = {
  content: "Draft",
  description: "",
  priority: 1,
  due: null,
  deadline: null,
  duration: null,
  project_id: "inbox",
  section_id: null,
  parent_id: null,
  labels: [],
  checked: false,
};
const LOCAL: LocalTaskFields = {
  summary: "Draft",
  description: "",
  priority: 0,
  minutes: 30,
  startTime: null,
  startAfter: null,
  dueAt: null,
  completedAt: null,
  projectId: null,
};

function plan(
  remote: Partial<RemoteFields>,
  before: Partial<LocalTaskFields>,
  after: Partial<PushTask>,
  timeZone = "Europe/Berlin",
) {
  const local = { ...LOCAL, ...before };
  return planTaskPush({
    todoistId: "T1",
    snapshot: { remote: { ...REMOTE, ...remote }, local: localFieldsOf(local) },
    task: { id: "task", plannedStart: null, recurrence: null, next: null, ...local, ...after },
    timeZone,
    todoistProjectOf: () => "inbox",
  });
}

describe("todoistPriorityOf", () => {
  it("inverts the priority table; levels without a Todoist flag take the next lower one", () => {
    expect([5, 4, 3, 2, 1, 0].map(todoistPriorityOf)).toEqual([4, 3, 2, 1, 1, 1]);
  });
});

describe("localDate", () => {
  it("takes the day in the person's zone, half-hour offsets included", () => {
    expect(localDate(new Date("2026-06-01T18:20:00Z"), "Asia/Kathmandu")).toBe("2026-06-02");
    expect(localDate(new Date("2026-06-01T18:10:00Z"), "Asia/Kathmandu")).toBe("2026-06-01");
  });
});

describe("planTaskPush", () => {
  it("sends nothing when nothing changed", () => {
    expect(plan({}, {}, {}).commands).toEqual([]);
  });

  it("reads a due date's end of day as that day, whether stored as its last moment or the next midnight", () => {
    const due = { date: "2026-06-03", datetime: null, timezone: null, string: "Jun 3", is_recurring: false };
    const lastMoment = plan({ due }, {}, { dueAt: new Date("2026-06-05T21:59:59.999Z") });
    const midnight = plan({ due }, {}, { dueAt: new Date("2026-06-05T22:00:00.000Z") });
    expect(lastMoment.commands).toEqual([{ type: "item_update", args: { id: "T1", due: { date: "2026-06-05" } } }]);
    expect(midnight.commands).toEqual(lastMoment.commands);
  });

  it("gives a due date to an item without dates as a deadline", () => {
    const result = plan({}, {}, { dueAt: new Date("2026-06-05T21:59:59.999Z") });
    expect(result.commands).toEqual([{ type: "item_update", args: { id: "T1", deadline: { date: "2026-06-05" } } }]);
    expect(result.remote.deadline).toBe("2026-06-05");
  });

  it("leaves a recurring task's dates to Todoist", () => {
    const due = { date: "2026-06-03", datetime: null, timezone: null, string: "every day", is_recurring: true };
    const result = plan(
      { due },
      { startTime: new Date("2026-06-03T07:00:00Z") },
      { startTime: new Date("2026-06-03T09:00:00Z"), dueAt: new Date("2026-06-09T00:00:00Z") },
    );
    expect(result.commands).toEqual([]);
  });

  it("does not reopen a recurring item (its occurrence never closed in Todoist)", () => {
    const due = { date: "2026-06-03", datetime: null, timezone: null, string: "every day", is_recurring: true };
    expect(plan({ due }, { completedAt: new Date("2026-06-01T10:00:00Z") }, { completedAt: null }).commands).toEqual(
      [],
    );
  });

  it("sends a start the person moved, in UTC with the person's zone", () => {
    const result = plan(
      {},
      { startTime: new Date("2026-06-03T07:00:00Z") },
      { startTime: new Date("2026-06-03T09:15:00.000Z"), plannedStart: new Date("2026-06-03T07:00:00Z") },
      "Asia/Kathmandu",
    );
    expect(result.commands).toEqual([
      {
        type: "item_update",
        args: { id: "T1", due: { datetime: "2026-06-03T09:15:00Z", timezone: "Asia/Kathmandu" } },
      },
    ]);
  });
});

describe("clearing a start", () => {
  const timedDue = {
    date: "2026-06-03",
    datetime: "2026-06-03T08:00:00Z",
    timezone: "Europe/Berlin",
    string: "jun 3 10am",
    is_recurring: false,
  };
  const start = new Date("2026-06-03T08:00:00Z");

  it("removes Todoist's due when the person takes the task off the time Todoist gave it", () => {
    const result = plan({ due: timedDue }, { startTime: start }, { startTime: null });
    expect(result.commands).toEqual([{ type: "item_update", args: { id: "T1", due: null } }]);
    expect(result.remote.due).toBeNull();
  });

  it("leaves Todoist's due alone when the start was the planner's", () => {
    const result = plan({ due: timedDue }, { startTime: start }, { startTime: null, plannedStart: start });
    expect(result.commands).toEqual([]);
  });
});
