import { describe, expect, it } from "vitest";
import { formatDeadLetters } from "./format-dead-letters.ts";

describe("formatDeadLetters", () => {
  it("aligns the columns and shortens long errors and data to one line each", () => {
    const lines = formatDeadLetters([
      {
        id: "0190a0d0-0000-7000-8000-000000000001",
        queue: "notifier.task-starting",
        deadLetterQueue: "notifier.task-starting.dead",
        failedAt: new Date("2026-06-01T09:15:42.123Z"),
        lastError: "SMTP refused\n  at send (mailer.ts:10)",
        data: { taskId: "t-1", note: "x".repeat(100) },
      },
      {
        id: "0190a0d0-0000-7000-8000-000000000002",
        queue: "scheduler.replan",
        deadLetterQueue: "scheduler.replan.dead",
        failedAt: new Date("2026-06-01T10:00:00.000Z"),
        lastError: null,
        data: {},
      },
    ]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ID\s+QUEUE\s+FAILED AT\s+LAST ERROR\s+DATA$/);
    expect(lines[1]).toContain("notifier.task-starting  2026-06-01T09:15:42Z  SMTP refused at send (mailer.ts:10)");
    expect(lines[1]?.endsWith("…")).toBe(true);
    expect(lines[1]).toContain('{"taskId":"t-1","note":"xxx');
    expect(lines[2]).toContain("scheduler.replan        2026-06-01T10:00:00Z  -");
    expect(lines[2]?.endsWith("{}")).toBe(true);
    // Every column starts at the same offset on every line.
    expect(lines[1]?.indexOf("2026")).toBe(lines[0]?.indexOf("FAILED AT"));
    expect(lines[2]?.indexOf("2026")).toBe(lines[0]?.indexOf("FAILED AT"));
  });
});
