import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import type { Clock } from "../../shared/clock.ts";
import { testSecretKeyring } from "../../shared/secrets/test-secret-keyring.ts";
import { createTodoistClient, staticTodoistAuth } from "../api/todoist-client.ts";
import { TodoistAuthError } from "../api/todoist-request-errors.ts";
import { TodoistSyncJob } from "../sync/todoist-sync-job-type.ts";
import { authorizeAtFake } from "../testing/authorize-at-fake.ts";
import { type TodoistConfig, todoistConfig } from "../todoist-config.ts";
import { completeTodoistConnect } from "./complete-todoist-connect.ts";
import { createTodoistConnectUrl } from "./create-todoist-connect-url.ts";
import { disconnectTodoist } from "./disconnect-todoist.ts";
import { storedTodoistAuth } from "./stored-todoist-auth.ts";
import { openTodoistRefreshToken, sealTodoistRefreshToken } from "./todoist-tokens.ts";

const secrets = testSecretKeyring();
/** Real time moved by `shift`: the fake expires its tokens on real time, the services read this clock. */
function shiftableClock() {
  let offsetMs = 0;
  const clock: Clock & { shift(ms: number): void } = {
    now: () => new Date(Date.now() + offsetMs),
    shift: (ms) => {
      offsetMs += ms;
    },
  };
  return clock;
}

describe("connecting Todoist through OAuth, and the stored tokens", () => {
  const database = useTestDatabase();
  let fake: FakeTodoist;
  let config: TodoistConfig;
  beforeAll(async () => {
    fake = await startFakeTodoist({ accessTokenLifetimeSeconds: 3600 });
    config = todoistConfig({
      baseUrl: fake.url,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      publicOrigin: "http://localhost:3000",
    });
  });
  afterAll(async () => {
    await fake?.close();
  });

  let accounts = 0;
  async function consented(clock: Clock = shiftableClock()) {
    const { prisma: db } = database();
    const user = await createUser(db);
    accounts += 1;
    const email = `oauth-${accounts}@example.com`;
    fake.addAccount({ email, fullName: "Ada Lovelace", timezone: "Asia/Kathmandu" });
    fake.setAutoApprove(email);
    const { url } = await createTodoistConnectUrl({
      db,
      config,
      clock,
      actorId: user.id,
      input: { returnTo: "/settings/connections" },
    });
    const query = await authorizeAtFake(url);
    return { db, user, email, query, clock };
  }

  async function connected(clock = shiftableClock()) {
    const setup = await consented(clock);
    const jobs = createRecordingJobs();
    const result = await completeTodoistConnect({
      db: setup.db,
      config,
      secrets,
      clock,
      jobs,
      actorId: setup.user.id,
      query: setup.query,
    });
    const connection = await setup.db.todoistConnection.findUniqueOrThrow({ where: { userId: setup.user.id } });
    const auth = storedTodoistAuth({ db: setup.db, config, secrets, clock, connectionId: connection.id });
    return { ...setup, jobs, result, connection, auth, clock };
  }

  it("the callback stores the connection with its tokens sealed and queues the first import", async () => {
    const { result, connection, jobs, email, auth } = await connected();
    expect(result).toEqual({ outcome: "connected", redirectTo: "/settings/connections?todoist=connected" });
    expect(connection).toMatchObject({ authKind: "oauth", email, name: "Ada Lovelace", timeZone: "Asia/Kathmandu" });
    expect(connection.refreshToken).not.toBeNull();
    expect(connection.accessTokenExpiresAt).not.toBeNull();
    expect(jobs.sent).toMatchObject([{ name: TodoistSyncJob.name, data: { connectionId: connection.id } }]);
    const client = createTodoistClient({ apiOrigin: config.apiOrigin, auth });
    expect((await client.getUser()).email).toBe(email);
  });

  it("a state is used once, by the person who asked, before it expires", async () => {
    const { db, user, query, clock } = await consented();
    const jobs = createRecordingJobs();
    const input = { db, config, secrets, clock, jobs, query };
    expect(await completeTodoistConnect({ ...input, actorId: null })).toMatchObject({
      redirectTo: "/settings?todoist=error&reason=failed",
    });
    expect(await completeTodoistConnect({ ...input, actorId: user.id })).toMatchObject({ outcome: "connected" });
    // Replayed: the state is gone.
    expect(await completeTodoistConnect({ ...input, actorId: user.id })).toEqual({
      outcome: "error",
      reason: "expired",
      redirectTo: "/settings?todoist=error&reason=expired",
    });
    expect(jobs.sent).toHaveLength(1);
  });

  it("an expired state, a refusal on the consent page and a code Todoist does not know end in words, not errors", async () => {
    const late = await consented();
    (late.clock as ReturnType<typeof shiftableClock>).shift(11 * 60_000);
    const jobs = createRecordingJobs();
    const base = { config, secrets, jobs };
    expect(
      await completeTodoistConnect({
        ...base,
        db: late.db,
        clock: late.clock,
        actorId: late.user.id,
        query: late.query,
      }),
    ).toMatchObject({ reason: "expired" });

    const denied = await consented();
    expect(
      await completeTodoistConnect({
        ...base,
        db: denied.db,
        clock: denied.clock,
        actorId: denied.user.id,
        query: { state: denied.query.state, error: "access_denied" },
      }),
    ).toMatchObject({ redirectTo: "/settings/connections?todoist=error&reason=denied" });

    const badCode = await consented();
    expect(
      await completeTodoistConnect({
        ...base,
        db: badCode.db,
        clock: badCode.clock,
        actorId: badCode.user.id,
        query: { state: badCode.query.state, code: "not-a-code" },
      }),
    ).toMatchObject({ reason: "failed" });
    expect(jobs.sent).toEqual([]);
    expect(await late.db.todoistConnection.count({ where: { userId: badCode.user.id } })).toBe(0);
  });

  it("an access token about to expire is refreshed before use, and the rotated refresh token is stored", async () => {
    const { auth, db, connection, clock } = await connected();
    const first = await auth.token();
    clock.shift(3600_000 - 30_000);
    const second = await auth.token();
    expect(second).not.toBe(first);
    const stored = await db.todoistConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(stored.refreshToken).not.toBe(connection.refreshToken);
    expect(stored.accessTokenExpiresAt?.getTime()).toBeGreaterThan(clock.now().getTime() + 3000_000);
    expect(await auth.token()).toBe(second);
  });

  it("two refreshes racing: both get the winner's token, and the newest refresh token is the one kept", async () => {
    const { auth, db, connection, email } = await connected();
    const [a, b] = await Promise.all([auth.refresh?.(), auth.refresh?.()]);
    expect(a).toBeTruthy();
    expect(a).toBe(b);
    const stored = await db.todoistConnection.findUniqueOrThrow({ where: { id: connection.id } });
    // The stored refresh token is the live one: it can refresh again.
    expect(openTodoistRefreshToken(secrets, stored.refreshToken ?? "")).toMatch(/^rt_/);
    const third = await auth.refresh?.();
    expect(third).toBeTruthy();
    expect(third).not.toBe(a);
    const client = createTodoistClient({ apiOrigin: config.apiOrigin, auth });
    expect((await client.getUser()).email).toBe(email);
  });

  it("a 401 refreshes once; a refresh token Todoist refuses answers null, and the client reports TodoistAuthError", async () => {
    const { auth, email, db, connection } = await connected();
    fake.expireAccessTokens(email);
    const client = createTodoistClient({ apiOrigin: config.apiOrigin, auth });
    expect((await client.getUser()).email).toBe(email);
    fake.expireAccessTokens(email);
    await db.todoistConnection.update({
      where: { id: connection.id },
      data: { refreshToken: sealTodoistRefreshToken(secrets, "rt_spent") },
    });
    expect(await auth.refresh?.()).toBeNull();
    await expect(client.getUser()).rejects.toBeInstanceOf(TodoistAuthError);
  });

  it("disconnect revokes the OAuth grant at Todoist", async () => {
    const { auth, db, user, clock, jobs } = await connected();
    const token = await auth.token();
    await disconnectTodoist({
      db,
      config,
      secrets,
      clock,
      events: { record: async () => {} },
      jobs,
      actorId: user.id,
      input: { keepTasks: true },
    });
    expect(await db.todoistConnection.count({ where: { userId: user.id } })).toBe(0);
    const revoked = createTodoistClient({ apiOrigin: config.apiOrigin, auth: staticTodoistAuth(token) });
    await expect(revoked.getUser()).rejects.toBeInstanceOf(TodoistAuthError);
  });

  it("a revocation Todoist fails does not stop the disconnect", async () => {
    const { db, user, clock, jobs } = await connected();
    fake.failNext({ status: 503, path: "/api/v1/revoke" });
    const warnings: string[] = [];
    await disconnectTodoist({
      db,
      config,
      secrets,
      clock,
      events: { record: async () => {} },
      jobs,
      actorId: user.id,
      input: { keepTasks: false },
      log: { warn: (_object, message) => warnings.push(message ?? "") },
    });
    expect(await db.todoistConnection.count({ where: { userId: user.id } })).toBe(0);
    expect(warnings).toEqual(["could not revoke the Todoist token; disconnecting anyway"]);
  });
});
