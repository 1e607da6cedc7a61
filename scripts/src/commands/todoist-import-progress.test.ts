import { describe, expect, it } from "vitest";
import { createTodoistProgress, progressLine } from "./todoist-import-progress.ts";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
}

describe("the progress of `ac todoist import`", () => {
  it("draws a bar with the percentage and the phase in words", () => {
    expect(progressLine({ phase: "tasks", done: 123, total: 200 })).toBe(
      "[###############---------]  61%  Importing tasks 123 of 200",
    );
    expect(progressLine({ phase: "projects", done: 0, total: 0 })).toBe(
      "[                        ]       Reading projects",
    );
  });

  it("redraws one line in place on a terminal and clears it at the end", () => {
    const terminal = stream(true);
    const progress = createTodoistProgress(terminal);
    progress.update({ phase: "push", done: 0, total: 2 });
    progress.update({ phase: "tasks", done: 200, total: 200 });
    progress.update(null);
    progress.finish();
    expect(terminal.written).toEqual([
      "\r\x1b[2K[------------------------]   0%  Sending your changes",
      "\r\x1b[2K[########################] 100%  Importing tasks 200 of 200",
      "\r\x1b[2K",
    ]);
  });

  it("writes a line per phase and per 10 % when not a terminal (a log, CI)", () => {
    const log = stream(false);
    const progress = createTodoistProgress(log);
    progress.update({ phase: "projects", done: 0, total: 0 });
    progress.update({ phase: "projects", done: 0, total: 0 });
    for (const done of [0, 5, 19, 20, 21, 45, 200]) progress.update({ phase: "tasks", done, total: 200 });
    progress.update({ phase: "completed", done: 0, total: 0 });
    progress.finish();
    expect(log.written).toEqual([
      "Reading projects\n",
      "Importing tasks 0 of 200 (0%)\n",
      "Importing tasks 20 of 200 (10%)\n",
      "Importing tasks 45 of 200 (22%)\n",
      "Importing tasks 200 of 200 (100%)\n",
      "Reading completed tasks\n",
    ]);
  });
});
