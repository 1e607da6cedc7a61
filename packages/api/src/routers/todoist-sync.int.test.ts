import { todoistConfig } from "@agendacraft/domain/todoist";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerDeps } from "../context.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

// NEEDS THE MERGE of tdpull and tdpush: todoist.sync() runs the real pull and push against the
// fake Todoist. The router's other procedures are in todoist.int.test.ts.
describe("todoist.sync()", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let fake: FakeTodoist;
  let deps: ServerDeps;
  beforeAll(async () => {
    [harness, fake] = await Promise.all([createTestDeps(), startFakeTodoist()]);
    deps = { ...harness.deps, todoist: todoistConfig({ baseUrl: fake.url, publicOrigin: "http://localhost:3000" }) };
  });
  afterAll(async () => {
    await Promise.all([harness?.close(), fake?.close()]);
  });

  async function connected() {
    const { session } = await createTestUser(deps);
    const caller = callerFor(deps, session);
    const email = `sync-${session.userId}@example.com`;
    fake.addAccount({ email, fullName: "Ada Lovelace" });
    fake.generate(email, { projects: 2, tasks: 30, recurring: 3 });
    await caller.todoist.connect({ apiToken: fake.issueToken(email) });
    return { caller, email };
  }

  it("runs the import and answers its result; status then shows it, with lastError null", async () => {
    const { caller, email } = await connected();
    const answer = await caller.todoist.sync();
    expect(answer).toMatchObject({ running: null, tasks: fake.tasks(email).length, created: fake.tasks(email).length });
    const status = await caller.todoist.status();
    expect(status).toMatchObject({ connected: true, running: null, lastError: null });
    expect(status.lastSyncedAt).not.toBeNull();
    expect(status.lastResult).toMatchObject({ tasks: answer.tasks, created: answer.created });
    // Run again: nothing new.
    expect(await caller.todoist.sync()).toMatchObject({ running: null, created: 0, updated: 0, deleted: 0 });
  });

  it("a token revoked in Todoist: todoist.needs_reconnect, and status says so in words", async () => {
    const { caller, email } = await connected();
    fake.expireAccessTokens(email);
    const error = await trpcFailure(caller.todoist.sync());
    expect(error.cause).toMatchObject({ code: "todoist.needs_reconnect" });
    const status = await caller.todoist.status();
    expect(status).toMatchObject({ needsReconnect: true, running: null });
    expect(status.lastError).toMatch(/Connect Todoist again/);
  });

  it("Todoist asking to wait longer than we wait in a request: todoist.rate_limited with Retry-After", async () => {
    const { caller } = await connected();
    fake.failNext({ status: 429, retryAfter: 90 });
    const error = await trpcFailure(caller.todoist.sync());
    expect(error.cause).toMatchObject({ code: "todoist.rate_limited", details: { retryAfterSeconds: 90 } });
    expect((await caller.todoist.status()).lastError).toBe(
      "Todoist asked us to wait 90 s before syncing again; it will be retried then.",
    );
  });
});
