import { describe, expect, it } from "vitest";
import { recordingLog } from "../testing/create-test-deps.ts";
import { createDatabaseUnavailableLog } from "./log-database-unavailable.ts";

describe("createDatabaseUnavailableLog", () => {
  it("writes a few lines a second with their request ids and counts the rest on the next line", () => {
    let now = 0;
    const logUnavailable = createDatabaseUnavailableLog({ now: () => now, linesPerWindow: 2, windowMs: 1_000 });
    const log = recordingLog();
    const refused = new Error("wrapper", {
      cause: Object.assign(new Error("connect ECONNREFUSED postgresql://app:pw@db:5432/x"), { code: "ECONNREFUSED" }),
    });

    for (let i = 1; i <= 5; i++)
      logUnavailable(log, { requestId: `r${i}`, path: "scheduler.tasks.list", err: refused });
    now = 1_000;
    logUnavailable(log, { requestId: "r6", path: "meta.version", err: refused });

    expect(log.entries.map((entry) => entry.object)).toEqual([
      { requestId: "r1", path: "scheduler.tasks.list", reason: "Error ECONNREFUSED: connect ECONNREFUSED <url>" },
      { requestId: "r2", path: "scheduler.tasks.list", reason: "Error ECONNREFUSED: connect ECONNREFUSED <url>" },
      {
        requestId: "r6",
        path: "meta.version",
        reason: "Error ECONNREFUSED: connect ECONNREFUSED <url>",
        suppressed: 3,
      },
    ]);
    expect(log.entries.every((entry) => entry.level === "error")).toBe(true);
  });
});
