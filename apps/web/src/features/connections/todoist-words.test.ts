import { todoistPhaseWords } from "@agendacraft/domain/todoist/schemas";
import { describe, expect, it } from "vitest";
import { todoistConflictWords, todoistProgressFraction, todoistResultWords } from "./todoist-words.ts";

const counts = { projects: 3, tasks: 200, created: 200, updated: 0, completed: 0, deleted: 0, pushed: 0 };

describe("a Todoist sync in words", () => {
  it("names each phase, counting tasks while they are imported", () => {
    expect(todoistPhaseWords({ phase: "push", done: 0, total: 4 })).toBe("Sending your changes");
    expect(todoistPhaseWords({ phase: "projects", done: 0, total: 0 })).toBe("Reading projects");
    expect(todoistPhaseWords({ phase: "tasks", done: 123, total: 200 })).toBe("Importing tasks 123 of 200");
    expect(todoistPhaseWords({ phase: "tasks", done: 0, total: 0 })).toBe("Importing tasks");
    expect(todoistPhaseWords({ phase: "completed", done: 0, total: 0 })).toBe("Reading completed tasks");
  });

  it("says how far it is only when there is a total, never past the end", () => {
    expect(todoistProgressFraction({ phase: "tasks", done: 50, total: 200 })).toBe(0.25);
    expect(todoistProgressFraction({ phase: "tasks", done: 210, total: 200 })).toBe(1);
    expect(todoistProgressFraction({ phase: "projects", done: 0, total: 0 })).toBeNull();
  });

  it("sums up an import with every count, singular where it is one", () => {
    expect(todoistResultWords(counts)).toBe(
      "Imported 200 tasks in 3 projects: 200 created, 0 updated, 0 completed, 0 deleted; 0 changes sent to Todoist.",
    );
    expect(todoistResultWords({ ...counts, projects: 1, tasks: 1, created: 1, pushed: 1 })).toBe(
      "Imported 1 task in 1 project: 1 created, 0 updated, 0 completed, 0 deleted; 1 change sent to Todoist.",
    );
  });

  it("says a quiet sync changed nothing instead of 'Imported 0 tasks'", () => {
    expect(todoistResultWords({ ...counts, projects: 0, tasks: 0, created: 0, pushed: 2 })).toBe(
      "Nothing new in Todoist; 2 changes sent to Todoist.",
    );
  });

  it("mentions conflicts only when there were some", () => {
    expect(todoistConflictWords(0)).toBeNull();
    expect(todoistConflictWords(2)).toBe(
      "2 fields changed on both sides since the last sync; the later change was kept.",
    );
  });
});
