import { randomUUID } from "node:crypto";
import type { JobQueue } from "@agendacraft/db/jobs";
import { GOOGLE_FEED, startTestCalendarServer, type TestCalendarServer } from "@agendacraft/domain/calendars/testing";
import { resolveSession } from "@agendacraft/domain/iam";
import { TASK_STARTING_JOB } from "@agendacraft/domain/notifier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type ServerDeps } from "./context.ts";
import { createCaller } from "./root.ts";
import { createTestDeps } from "./testing/create-test-deps.ts";
import { createTestUser, type TestUser } from "./testing/test-users.ts";
import { trpcFailure } from "./testing/trpc-failure.ts";
import { withJobQueue } from "./testing/with-job-queue.ts";

/** Every create (and plan.commit) accepts an Idempotency-Key: a retry replays and writes nothing. */
describe("Idempotency-Key on creates", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let deps: ServerDeps;
  let queue: JobQueue;
  let deliver: Awaited<ReturnType<typeof withJobQueue>>["deliver"];
  let calendars: TestCalendarServer;

  beforeAll(async () => {
    harness = await createTestDeps();
    ({ queue, deps, deliver } = await withJobQueue(harness.deps, harness.database.pool, { maintenance: false }));
    calendars = await startTestCalendarServer();
    calendars.serveCalendar("/work.ics", GOOGLE_FEED);
  });
  afterAll(async () => {
    await calendars?.close();
    await queue?.stop();
    await harness?.close();
  });

  /** The API as `user`, sending `key` as the Idempotency-Key header would. */
  const withKey = (user: TestUser, key: string | null) =>
    createCaller(createContextInner({ deps, session: user.session, idempotencyKey: key }));

  async function userWithPlanner() {
    const user = await createTestUser(deps);
    await user.caller.scheduler.planners.create({
      name: "Work hours",
      recurrence: "FREQ=DAILY",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 480,
    });
    return user;
  }

  // Each create: one call, and a count of what it wrote for this user.
  const creates = {
    "scheduler.tasks.create": {
      call: (user: TestUser, key: string) => withKey(user, key).scheduler.tasks.create({ summary: "Write report" }),
      count: (user: TestUser) => harness.database.prisma.task.count({ where: { userId: user.userId } }),
    },
    "scheduler.projects.create": {
      call: (user: TestUser, key: string) => withKey(user, key).scheduler.projects.create({ name: "Launch" }),
      count: (user: TestUser) => harness.database.prisma.project.count({ where: { userId: user.userId } }),
    },
    "scheduler.areas.create": {
      call: (user: TestUser, key: string) => withKey(user, key).scheduler.areas.create({ name: "Work" }),
      count: (user: TestUser) => harness.database.prisma.area.count({ where: { userId: user.userId } }),
    },
    "scheduler.planners.create": {
      call: (user: TestUser, key: string) =>
        withKey(user, key).scheduler.planners.create({
          name: "Evenings",
          recurrence: "FREQ=DAILY",
          startDate: "2026-06-01",
          startTime: "19:00",
          minutes: 60,
        }),
      count: (user: TestUser) => harness.database.prisma.planner.count({ where: { userId: user.userId } }),
    },
    "iam.tokens.create": {
      call: (user: TestUser, key: string) => withKey(user, key).iam.tokens.create({ name: "Laptop script" }),
      count: (user: TestUser) => harness.database.prisma.apiToken.count({ where: { userId: user.userId } }),
    },
    "calendars.feeds.add": {
      call: (user: TestUser, key: string) =>
        withKey(user, key).calendars.feeds.add({ name: "Work", url: calendars.url("/work.ics") }),
      count: (user: TestUser) => harness.database.prisma.calendarFeed.count({ where: { userId: user.userId } }),
    },
  };

  for (const [path, { call, count }] of Object.entries(creates)) {
    it(`${path}: a retry with the same key returns the first result and writes nothing`, async () => {
      const user = await userWithPlanner();
      const before = await count(user);
      const key = randomUUID();
      const first = await call(user, key);
      const retry = await call(user, key);
      expect(retry).toEqual(first);
      expect(await count(user)).toBe(before + 1);

      // Without a key (or with another) every call creates.
      await call(user, randomUUID());
      expect(await count(user)).toBe(before + 2);
    });
  }

  it("iam.tokens.create replays the same secret, which still works", async () => {
    const user = await createTestUser(deps);
    const key = randomUUID();
    const first = await withKey(user, key).iam.tokens.create({ name: "CI" });
    const retry = await withKey(user, key).iam.tokens.create({ name: "CI" });
    expect(retry.secret).toBe(first.secret);
    const { session } = await resolveSession({
      auth: deps.auth,
      db: deps.db,
      headers: new Headers({ authorization: `Bearer ${retry.secret}` }),
      clock: deps.clock,
    });
    expect(session).toMatchObject({ userId: user.userId, via: "token" });
    const page = await user.caller.iam.tokens.list({});
    expect(page.items.map((token) => token.id)).toEqual([first.token.id]);
  });

  it("scheduler.plan.commit: a retry replays the first run and neither plans nor queues again", async () => {
    const user = await userWithPlanner();
    for (const summary of ["Write", "Review", "Ship"]) await user.caller.scheduler.tasks.create({ summary });
    const reminderJobs = async () => {
      const { rows } = await harness.database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job j JOIN tasks t ON t.id = (j.data->>'taskId')::uuid
         WHERE j.name = $1 AND t."userId" = $2`,
        [TASK_STARTING_JOB, user.userId],
      );
      return rows[0]?.n;
    };
    const key = randomUUID();
    const first = await withKey(user, key).scheduler.plan.commit();
    expect(first.run.placedCount).toBe(3);
    await deliver(user.userId);
    const queued = await reminderJobs();
    expect(queued).toBeGreaterThan(0);
    // A task added in between would be planned by a new commit, not by the retry.
    await user.caller.scheduler.tasks.create({ summary: "Added later" });
    const retry = await withKey(user, key).scheduler.plan.commit();
    expect(retry).toEqual(first);
    await expect(user.caller.scheduler.plan.runs()).resolves.toHaveLength(1);
    // The replay records no second PlanCommitted, so nothing more is queued.
    await expect(
      harness.database.prisma.domainEvent.count({ where: { userId: user.userId, type: "scheduler.plan_committed" } }),
    ).resolves.toBe(1);
    await deliver(user.userId);
    expect(await reminderJobs()).toBe(queued);
    const later = await user.caller.scheduler.tasks.list({ scheduled: false });
    expect(later.items.map((task) => task.summary)).toEqual(["Added later"]);
  });

  it("the same key with another input or another procedure is refused with CONFLICT common.idempotency_key_reused", async () => {
    const user = await createTestUser(deps);
    const key = randomUUID();
    await withKey(user, key).scheduler.tasks.create({ summary: "Write report" });
    const otherInput = await trpcFailure(withKey(user, key).scheduler.tasks.create({ summary: "Something else" }));
    expect(otherInput.code).toBe("CONFLICT");
    expect(otherInput.cause).toMatchObject({ code: "common.idempotency_key_reused" });
    const otherProcedure = await trpcFailure(withKey(user, key).scheduler.projects.create({ name: "Write report" }));
    expect(otherProcedure.cause).toMatchObject({ code: "common.idempotency_key_reused" });
    expect(await harness.database.prisma.task.count({ where: { userId: user.userId } })).toBe(1);
    expect(await harness.database.prisma.project.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("another person's identical key is theirs alone", async () => {
    const alice = await createTestUser(deps);
    const bob = await createTestUser(deps);
    const key = randomUUID();
    const forAlice = await withKey(alice, key).scheduler.tasks.create({ summary: "Write report" });
    const forBob = await withKey(bob, key).scheduler.tasks.create({ summary: "Write report" });
    expect(forBob.id).not.toBe(forAlice.id);
    await expect(bob.caller.scheduler.tasks.byId({ id: forBob.id })).resolves.toMatchObject({
      summary: "Write report",
    });
  });

  it("a key longer than 255 characters or not printable is a BAD_REQUEST common.invalid_idempotency_key", async () => {
    const user = await createTestUser(deps);
    for (const key of ["x".repeat(256), "line\nbreak", "", " "]) {
      const error = await trpcFailure(withKey(user, key).scheduler.tasks.create({ summary: "Write report" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ code: "common.invalid_idempotency_key" });
    }
    expect(await harness.database.prisma.task.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("a failed create records nothing: the retry with the same key runs", async () => {
    const user = await createTestUser(deps);
    const key = randomUUID();
    const refused = await trpcFailure(
      withKey(user, key).scheduler.tasks.create({ summary: "Past", startTime: new Date("2020-01-01T00:00:00Z") }),
    );
    expect(refused.cause).toMatchObject({ code: "scheduler.start_in_past" });
    const created = await withKey(user, key).scheduler.tasks.create({ summary: "Past" });
    expect(created.summary).toBe("Past");
  });

  it("procedures that are not creates ignore the header", async () => {
    const user = await createTestUser(deps);
    const task = await user.caller.scheduler.tasks.create({ summary: "Write report" });
    const key = randomUUID();
    await withKey(user, key).scheduler.tasks.update({ id: task.id, summary: "First" });
    await withKey(user, key).scheduler.tasks.update({ id: task.id, summary: "Second" });
    await expect(user.caller.scheduler.tasks.byId({ id: task.id })).resolves.toMatchObject({ summary: "Second" });
    // Even a key no create would accept.
    await expect(withKey(user, "x".repeat(300)).scheduler.tasks.list({})).resolves.toMatchObject({
      items: [{ id: task.id }],
    });
  });
});
