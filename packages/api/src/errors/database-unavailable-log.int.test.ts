import { createServer } from "node:net";
import { todoistConfig } from "@agendacraft/domain/todoist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

/**
 * "database unavailable; answered 503" is for answers that were 503 because the database
 * was down. A calendar address whose name does not resolve is a 400 whose cause chain
 * holds the same kind of socket error (ENOTFOUND) as a database that cannot be reached;
 * the fuzz suite saw it logged as an outage, which sends an operator to a healthy database.
 */
describe("the database-unavailable log line", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("is not written for a calendar whose name does not resolve, answered 400", async () => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(
      caller.calendars.feeds.add({ name: "Nowhere", url: "https://calendar.invalid/basic.ics" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ code: "calendars.feed_unreachable" });
    const messages = harness.log.entries.map((entry) => entry.message);
    expect(messages).not.toContain("database unavailable; answered 503");
  });

  it("is not written when Todoist cannot be reached, answered 503 todoist.unavailable", async () => {
    // A port that refuses connections (ECONNREFUSED, the same socket code a dead database gives).
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const { session } = await createTestUser(harness.deps);
    const deps = {
      ...harness.deps,
      todoist: todoistConfig({ baseUrl: `http://127.0.0.1:${port}`, publicOrigin: "http://localhost:3000" }),
    };
    const caller = callerFor(deps, session);
    const before = harness.log.entries.length;
    const error = await trpcFailure(caller.todoist.connect({ apiToken: "a1b2c3" }));
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.cause).toMatchObject({ code: "todoist.unavailable" });
    const messages = harness.log.entries.slice(before).map((entry) => entry.message);
    expect(messages).not.toContain("database unavailable; answered 503");
  });
});
