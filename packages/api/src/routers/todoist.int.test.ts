import { type TodoistConfig, TodoistSyncJob, todoistConfig } from "@agendacraft/domain/todoist";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerDeps } from "../context.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser, createTwoUsers } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

// What the router adds (sessions, error codes, output shapes) and what the connect services
// store, against the fake Todoist. Runs of the sync itself are in todoist-sync.int.test.ts.
describe("todoist router", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let fake: FakeTodoist;
  let config: TodoistConfig;
  let deps: ServerDeps;
  beforeAll(async () => {
    [harness, fake] = await Promise.all([createTestDeps(), startFakeTodoist()]);
    config = todoistConfig({ baseUrl: fake.url, publicOrigin: "http://localhost:3000" });
    deps = { ...harness.deps, todoist: config };
  });
  afterAll(async () => {
    await Promise.all([harness?.close(), fake?.close()]);
  });

  const db = () => harness.database.prisma;
  let accounts = 0;
  /** A Todoist account of its own per test: tests never share Todoist state. */
  function newAccount(fullName = "Ada Lovelace") {
    accounts += 1;
    const user = fake.addAccount({ email: `todoist-${accounts}@example.com`, fullName, timezone: "Europe/Berlin" });
    return { email: user.email, token: fake.issueToken(user.email) };
  }

  it("every procedure needs a session", async () => {
    const anonymous = callerFor(deps, null);
    for (const call of [
      () => anonymous.todoist.status(),
      () => anonymous.todoist.connect({ apiToken: "abc" }),
      () => anonymous.todoist.connectUrl({}),
      () => anonymous.todoist.disconnect({ keepTasks: true }),
      () => anonymous.todoist.sync(),
    ]) {
      expect((await trpcFailure(call())).code).toBe("UNAUTHORIZED");
    }
  });

  it("status of a person without a connection", async () => {
    const { caller } = await createTestUser(deps);
    expect(await caller.todoist.status()).toEqual({
      connected: false,
      account: null,
      authKind: null,
      needsReconnect: false,
      lastSyncedAt: null,
      lastError: null,
      running: null,
      lastResult: null,
      unmapped: [],
      oauthAvailable: false,
    });
  });

  it("connect with a valid token: connected with the account, the token sealed, the first import queued", async () => {
    const { caller, userId } = await createTestUser(deps);
    const account = newAccount("Grace Hopper");
    const requestsBefore = fake.requests.length;
    const status = await caller.todoist.connect({ apiToken: account.token });
    expect(status).toMatchObject({
      connected: true,
      account: { email: account.email, name: "Grace Hopper" },
      authKind: "token",
      needsReconnect: false,
      lastError: null,
      running: null,
    });
    // Validated by exactly one call.
    expect(fake.requests.slice(requestsBefore).map((request) => request.path)).toEqual(["/api/v1/user"]);
    const stored = await db().todoistConnection.findUniqueOrThrow({ where: { userId } });
    expect(stored).toMatchObject({
      email: account.email,
      authKind: "token",
      timeZone: "Europe/Berlin",
      syncToken: "*",
      refreshToken: null,
      accessTokenExpiresAt: null,
    });
    expect(stored.accessToken).not.toContain(account.token);
    expect(harness.jobs.sent.filter((job) => job.name === TodoistSyncJob.name).at(-1)).toMatchObject({
      data: { connectionId: stored.id },
      options: { singletonKey: stored.id },
    });
  });

  it("a refused token is todoist.token_invalid on the apiToken field, and nothing is stored", async () => {
    const { caller, userId } = await createTestUser(deps);
    const error = await trpcFailure(caller.todoist.connect({ apiToken: "not-a-real-token" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ code: "todoist.token_invalid", details: { field: "apiToken" } });
    expect(await db().todoistConnection.count({ where: { userId } })).toBe(0);
    expect((await caller.todoist.status()).connected).toBe(false);
  });

  it("a token with characters no Todoist token has is refused before Todoist is asked", async () => {
    const { caller } = await createTestUser(deps);
    const requestsBefore = fake.requests.length;
    const error = await trpcFailure(caller.todoist.connect({ apiToken: "abc def" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fake.requests.length).toBe(requestsBefore);
  });

  it("another person's connection is invisible: status, sync and disconnect see none", async () => {
    const { alice, bob } = await createTwoUsers(deps);
    await alice.caller.todoist.connect({ apiToken: newAccount().token });
    expect((await bob.caller.todoist.status()).connected).toBe(false);
    for (const call of [() => bob.caller.todoist.sync(), () => bob.caller.todoist.disconnect({ keepTasks: false })]) {
      const error = await trpcFailure(call());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.cause).toMatchObject({ code: "todoist.not_connected" });
    }
    expect((await alice.caller.todoist.status()).connected).toBe(true);
  });

  it("connectUrl without an OAuth client is todoist.oauth_not_configured", async () => {
    const { caller } = await createTestUser(deps);
    const error = await trpcFailure(caller.todoist.connectUrl({ returnTo: "/settings" }));
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.cause).toMatchObject({ code: "todoist.oauth_not_configured" });
  });

  it("connectUrl with an OAuth client: Todoist's consent page on the fake's origin, with a state kept 10 minutes", async () => {
    const withOAuth = {
      ...deps,
      todoist: todoistConfig({
        baseUrl: fake.url,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        publicOrigin: "http://localhost:3000",
      }),
    };
    const { session, userId } = await createTestUser(withOAuth);
    const caller = callerFor(withOAuth, session);
    expect((await caller.todoist.status()).oauthAvailable).toBe(true);
    const { url } = await caller.todoist.connectUrl({ returnTo: "/settings/connections" });
    const parsed = new URL(url);
    expect(parsed.origin).toBe(fake.url);
    expect(parsed.pathname).toBe("/oauth/authorize");
    expect(parsed.searchParams.get("client_id")).toBe(fake.clientId);
    expect(parsed.searchParams.get("scope")).toBe("data:read_write");
    const state = parsed.searchParams.get("state") ?? "";
    expect(state.length).toBeGreaterThanOrEqual(32);
    const stored = await db().todoistOAuthState.findUniqueOrThrow({ where: { id: state } });
    expect(stored).toMatchObject({ userId, returnTo: "/settings/connections" });
    expect(stored.expiresAt.getTime() - deps.clock.now().getTime()).toBe(10 * 60_000);
    // Only paths of this app come back.
    for (const returnTo of ["https://evil.example", "//evil.example/settings", "/\\evil.example"]) {
      expect((await trpcFailure(caller.todoist.connectUrl({ returnTo }))).code, returnTo).toBe("BAD_REQUEST");
    }
  });

  /** A person with a Todoist connection and what an import would have made: an area, two projects, tasks. */
  async function importedAccount() {
    const user = await createTestUser(deps);
    await user.caller.todoist.connect({ apiToken: newAccount().token });
    const connection = await db().todoistConnection.findUniqueOrThrow({ where: { userId: user.userId } });
    const area = await user.caller.scheduler.areas.create({ name: "Work (Todoist)" });
    const work = await user.caller.scheduler.projects.create({ name: "Work", areaId: area.id });
    const side = await user.caller.scheduler.projects.create({ name: "Side" });
    const own = await user.caller.scheduler.projects.create({ name: "Mine" });
    const inWork = await user.caller.scheduler.tasks.create({ summary: "From Todoist in Work", projectId: work.id });
    const addedHere = await user.caller.scheduler.tasks.create({ summary: "Added here to Work", projectId: work.id });
    const inInbox = await user.caller.scheduler.tasks.create({ summary: "From the Todoist Inbox" });
    const ownTask = await user.caller.scheduler.tasks.create({ summary: "My own", projectId: own.id });
    const movedToOwn = await user.caller.scheduler.tasks.create({ summary: "Moved to mine", projectId: own.id });
    const ownInbox = await user.caller.scheduler.tasks.create({ summary: "My own inbox task" });
    await db().todoistProjectLink.createMany({
      data: [
        { connectionId: connection.id, todoistId: "p-inbox", isInbox: true, name: "Inbox" },
        { connectionId: connection.id, todoistId: "p-work", projectId: work.id, areaId: area.id, name: "Work" },
        { connectionId: connection.id, todoistId: "p-side", projectId: side.id, name: "Side" },
      ],
    });
    const synced = { remote: {}, local: {} };
    await db().todoistTaskLink.createMany({
      data: [
        { connectionId: connection.id, todoistId: "t-1", taskId: inWork.id, synced },
        { connectionId: connection.id, todoistId: "t-2", taskId: inInbox.id, synced },
        { connectionId: connection.id, todoistId: "t-3", taskId: movedToOwn.id, synced },
        {
          connectionId: connection.id,
          todoistId: "t-4",
          taskId: null,
          synced: { remote: { due: { string: "every 2nd weekday" } }, local: {} },
          unmappedReason: "no rule for the 2nd weekday",
        },
      ],
    });
    return {
      ...user,
      connection,
      area,
      projects: { work, side, own },
      tasks: { inWork, addedHere, inInbox, ownTask, movedToOwn, ownInbox },
    };
  }

  it("status lists every unmapped link, with the due string kept in the snapshot when the task is gone", async () => {
    const account = await importedAccount();
    const status = await account.caller.todoist.status();
    expect(status.unmapped).toEqual([
      { taskId: null, todoistId: "t-4", text: "every 2nd weekday", reason: "no rule for the 2nd weekday" },
    ]);
  });

  it("disconnect keeping tasks: tasks and projects stay, the Todoist mark (the links) goes", async () => {
    const account = await importedAccount();
    await expect(account.caller.todoist.disconnect({ keepTasks: true })).resolves.toEqual({ disconnected: true });
    expect((await account.caller.todoist.status()).connected).toBe(false);
    expect(await db().todoistTaskLink.count({ where: { connectionId: account.connection.id } })).toBe(0);
    expect(await db().todoistProjectLink.count({ where: { connectionId: account.connection.id } })).toBe(0);
    expect(await db().task.count({ where: { userId: account.userId } })).toBe(6);
    expect(await db().project.count({ where: { userId: account.userId } })).toBe(3);
    expect(await db().area.count({ where: { userId: account.userId } })).toBe(1);
  });

  it("disconnect removing tasks: linked tasks and Todoist's projects and areas go, with TaskDeleted; the person's own stay", async () => {
    const account = await importedAccount();
    const requestsBefore = fake.requests.length;
    await account.caller.todoist.disconnect({ keepTasks: false });
    expect((await account.caller.todoist.status()).connected).toBe(false);
    const left = await db().task.findMany({
      where: { userId: account.userId },
      select: { summary: true, order: true },
    });
    expect(left.map((task) => task.summary).sort()).toEqual(["My own", "My own inbox task"]);
    // Orders stay 1..n where linked tasks left.
    expect(left.map((task) => task.order)).toEqual([1, 1]);
    const projects = await db().project.findMany({ where: { userId: account.userId }, select: { name: true } });
    expect(projects).toEqual([{ name: "Mine" }]);
    expect(await db().area.count({ where: { userId: account.userId } })).toBe(0);
    const deleted = await db().domainEvent.findMany({
      where: { userId: account.userId, type: "scheduler.task_deleted" },
      select: { aggregateId: true },
    });
    const { inWork, addedHere, inInbox, movedToOwn } = account.tasks;
    expect(deleted.map((event) => event.aggregateId).sort()).toEqual(
      [inWork.id, addedHere.id, inInbox.id, movedToOwn.id].sort(),
    );
    // A token connection has nothing to revoke, and nothing is deleted in Todoist.
    expect(fake.requests.slice(requestsBefore)).toEqual([]);
  });

  it("connecting another Todoist account replaces the connection and starts over with a full import", async () => {
    const account = await importedAccount();
    await db().todoistConnection.update({
      where: { id: account.connection.id },
      data: { syncToken: "abc", lastSyncedAt: new Date("2026-05-31T09:00:00Z") },
    });
    const other = newAccount("Another Account");
    const status = await account.caller.todoist.connect({ apiToken: other.token });
    expect(status.account).toEqual({ email: other.email, name: "Another Account" });
    const stored = await db().todoistConnection.findUniqueOrThrow({ where: { userId: account.userId } });
    expect(stored).toMatchObject({ id: account.connection.id, syncToken: "*", lastSyncedAt: null, lastResult: null });
    expect(await db().todoistTaskLink.count({ where: { connectionId: stored.id } })).toBe(0);
    // The old account's tasks stay, as after a disconnect that keeps them.
    expect(await db().task.count({ where: { userId: account.userId } })).toBe(6);
  });

  it("connecting the same account again keeps the links and the sync token", async () => {
    const user = await createTestUser(deps);
    const todoist = newAccount();
    await user.caller.todoist.connect({ apiToken: todoist.token });
    const connection = await db().todoistConnection.update({
      where: { userId: user.userId },
      data: { syncToken: "abc", status: "needs_reconnect", lastError: "refused" },
    });
    await db().todoistTaskLink.create({
      data: { connectionId: connection.id, todoistId: "t-1", synced: { remote: {}, local: {} } },
    });
    const status = await user.caller.todoist.connect({ apiToken: fake.issueToken(todoist.email) });
    expect(status).toMatchObject({ connected: true, needsReconnect: false, lastError: null });
    const stored = await db().todoistConnection.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(stored.syncToken).toBe("abc");
    expect(await db().todoistTaskLink.count({ where: { connectionId: stored.id } })).toBe(1);
  });

  it("sync needs a connection that Todoist still accepts", async () => {
    const user = await createTestUser(deps);
    expect((await trpcFailure(user.caller.todoist.sync())).cause).toMatchObject({ code: "todoist.not_connected" });
    await user.caller.todoist.connect({ apiToken: newAccount().token });
    await db().todoistConnection.update({ where: { userId: user.userId }, data: { status: "needs_reconnect" } });
    const error = await trpcFailure(user.caller.todoist.sync());
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toMatchObject({ code: "todoist.needs_reconnect" });
    expect((await user.caller.todoist.status()).needsReconnect).toBe(true);
  });

  it("sync while another run holds the connection: the job is queued and the answer says how far that run is", async () => {
    const user = await createTestUser(deps);
    await user.caller.todoist.connect({ apiToken: newAccount().token });
    const connection = await db().todoistConnection.update({
      where: { userId: user.userId },
      data: { runningPhase: "tasks", runningDone: 40, runningTotal: 200, runningSince: deps.clock.now() },
    });
    const sentBefore = harness.jobs.sent.length;
    const requestsBefore = fake.requests.length;
    const answer = await user.caller.todoist.sync();
    expect(answer).toMatchObject({
      created: 0,
      tasks: 0,
      unmapped: [],
      running: { phase: "tasks", done: 40, total: 200 },
    });
    expect(harness.jobs.sent.slice(sentBefore)).toMatchObject([
      { name: TodoistSyncJob.name, data: { connectionId: connection.id }, options: { singletonKey: connection.id } },
    ]);
    expect(fake.requests.length).toBe(requestsBefore);
    expect((await user.caller.todoist.status()).running).toEqual({ phase: "tasks", done: 40, total: 200 });
  });

  it("a run whose lease lapsed (its process died) is not shown as running", async () => {
    const user = await createTestUser(deps);
    await user.caller.todoist.connect({ apiToken: newAccount().token });
    await db().todoistConnection.update({
      where: { userId: user.userId },
      data: {
        runningPhase: "tasks",
        runningDone: 40,
        runningTotal: 200,
        runningSince: new Date(deps.clock.now().getTime() - 11 * 60_000),
      },
    });
    expect((await user.caller.todoist.status()).running).toBeNull();
  });
});
