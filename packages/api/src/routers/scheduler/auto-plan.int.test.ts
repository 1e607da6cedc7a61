import type { JobQueue } from "@agendacraft/db/jobs";
import { createReplanJob, REPLAN_JOB, ReplanJob } from "@agendacraft/domain/scheduler/plan";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerDeps } from "../../context.ts";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";
import { withJobQueue } from "../../testing/with-job-queue.ts";

const NOW = new Date("2026-06-01T05:00:00Z"); // Monday, 07:00 in Berlin

describe("automatic re-planning", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let queue: JobQueue;
  let deps: ServerDeps;
  let deliver: Awaited<ReturnType<typeof withJobQueue>>["deliver"];
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    harness = await createTestDeps();
    ({ queue, deps, deliver } = await withJobQueue({ ...harness.deps, clock }, harness.database.pool));
  });
  afterAll(async () => {
    await queue?.stop();
    await harness?.close();
  });

  const queuedReplans = async (userId: string) => {
    const { rows } = await harness.database.pool.query<{ id: string; start_after: Date }>(
      "SELECT id, start_after FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state = 'created'",
      [REPLAN_JOB, userId],
    );
    return rows;
  };

  async function userWithPlanner(autoPlan: boolean) {
    const user = await createTestUser(harness.deps);
    const caller = callerFor(deps, user.session);
    await caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    await expect(caller.scheduler.plan.settings.update({ autoPlan })).resolves.toEqual({ autoPlan });
    await caller.scheduler.planners.create({
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 480,
    });
    return { user, caller };
  }

  it("queues one debounced re-plan for a burst of changes, which then plans the open tasks", async () => {
    const { user, caller } = await userWithPlanner(true);
    for (const summary of ["Write", "Review", "Ship"]) await caller.scheduler.tasks.create({ summary, minutes: 60 });
    // The changes asked for nothing themselves: their events do, once delivered.
    expect(await queuedReplans(user.userId)).toEqual([]);
    await expect(deliver(user.userId)).resolves.toMatchObject({
      delivered: { "scheduler.replan": 4 },
      failed: [],
    });
    const queued = await queuedReplans(user.userId);
    expect(queued).toHaveLength(1);
    // Due half a minute after the changes were delivered, so later changes ride along.
    expect(queued[0]?.start_after.getTime()).toBe(NOW.getTime() + 30_000);

    // Run the job's handler as the worker would (it took the queued job).
    await queue.cancel(ReplanJob, queued[0]?.id as string);
    await createReplanJob({ db: harness.database.prisma, events: deps.events, clock }).handler({
      id: "test",
      name: REPLAN_JOB,
      data: { userId: user.userId },
      retryCount: 0,
      signal: new AbortController().signal,
    });
    const runs = await caller.scheduler.plan.runs();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "auto", placedCount: 3 });
    const open = await caller.scheduler.tasks.list({ scheduled: true });
    expect(open.items.map((task) => task.summary).sort()).toEqual(["Review", "Ship", "Write"]);

    // The plan's own event reaches the reminders, and asks for no re-plan: no loop.
    await expect(deliver(user.userId)).resolves.toMatchObject({
      delivered: { "notifier.reminders": 1, "scheduler.replan": 1 },
      failed: [],
    });
    expect(await queuedReplans(user.userId)).toEqual([]);
    expect(await harness.database.prisma.taskReminder.count({ where: { userId: user.userId } })).toBe(3);
  });

  it("queues nothing for a person who did not turn it on", async () => {
    const { user, caller } = await userWithPlanner(false);
    await caller.scheduler.tasks.create({ summary: "Manual only" });
    await expect(deliver(user.userId)).resolves.toMatchObject({ failed: [] });
    expect(await queuedReplans(user.userId)).toEqual([]);
  });
});
