import { describe, expect, it } from "vitest";
import { formatTodoistSummary } from "./todoist-import-summary.ts";

const TASK_ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

describe("the summary of `ac todoist import`", () => {
  it("lists every count and says none when nothing conflicted or went unmapped", () => {
    expect(
      formatTodoistSummary({
        projects: 3,
        tasks: 200,
        created: 200,
        updated: 0,
        completed: 0,
        deleted: 0,
        pushed: 1,
        conflicts: [],
        unmapped: [],
        notes: [],
      }),
    ).toEqual([
      "Todoist sync finished: 200 tasks in 3 projects",
      "  Created     200",
      "  Updated     0",
      "  Completed   0",
      "  Deleted     0",
      "  Pushed      1 change sent to Todoist",
      "  Conflicts   none",
      "  Unmapped    none",
    ]);
  });

  it("names each conflict, each unmapped repeat with its text and reason, and each note", () => {
    const lines = formatTodoistSummary({
      projects: 1,
      tasks: 1,
      created: 0,
      updated: 1,
      completed: 0,
      deleted: 0,
      pushed: 0,
      conflicts: [{ taskId: TASK_ID, todoistId: "101", field: "summary", winner: "todoist" }],
      unmapped: [
        { taskId: TASK_ID, todoistId: "201", text: "every 2 hours", reason: "repeats at most once a day" },
        { taskId: null, todoistId: "202", text: "every full moon", reason: "not a pattern AgendaCraft reads" },
      ],
      notes: [{ todoistId: "301", taskId: null, note: "“Offsite” lasts 3 days in Todoist; kept as 24 hours." }],
    });
    expect(lines.slice(0, 1)).toEqual(["Todoist sync finished: 1 task in 1 project"]);
    expect(lines.slice(6)).toEqual([
      "  Conflicts   1 (the later change was kept)",
      "    summary of Todoist task 101: Todoist's change kept",
      "  Unmapped    2 (not planned as repeats)",
      `    "every 2 hours": repeats at most once a day (task ${TASK_ID})`,
      '    "every full moon": not a pattern AgendaCraft reads',
      "  Notes       1",
      "    “Offsite” lasts 3 days in Todoist; kept as 24 hours.",
    ]);
  });
});
