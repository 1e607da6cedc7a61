import { createJobQueue, type JobQueue } from "@agendacraft/db/jobs";
import { TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS } from "@agendacraft/domain/notifier";
import { createReplanJob, REPLAN_JOB, REPLAN_QUEUE_OPTIONS } from "@agendacraft/domain/scheduler/plan";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../../testing/test-users.ts";

const NOW = new Date("2026-06-01T05:00:00Z"); // Monday, 07:00 in Berlin

describe("automatic re-planning", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let queue: JobQueue;

  beforeAll(async () => {
    harness = await createTestDeps();
    queue = createJobQueue({ pool: harness.database.pool });
    await queue.start();
    await queue.defineQueue(REPLAN_JOB, REPLAN_QUEUE_OPTIONS);
    await queue.defineQueue(TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS);
  });
  afterAll(async () => {
    await queue?.stop();
    await harness?.close();
  });

  const queuedReplans = async (userId: string) => {
    const { rows } = await harness.database.pool.query<{ start_after: Date }>(
      "SELECT start_after FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state = 'created'",
      [REPLAN_JOB, userId],
    );
    return rows;
  };

  async function userWithPlanner(autoPlan: boolean) {
    const user = await createTestUser(harness.deps);
    const clock = fixedClock(NOW);
    const caller = callerFor({ ...harness.deps, clock, jobs: queue }, user.session);
    await caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    await expect(caller.scheduler.plan.settings.update({ autoPlan })).resolves.toEqual({ autoPlan });
    await caller.scheduler.planners.create({
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 480,
    });
    return { user, caller, clock };
  }

  it("queues one debounced re-plan for a burst of changes, which then plans the open tasks", async () => {
    const { user, caller, clock } = await userWithPlanner(true);
    for (const summary of ["Write", "Review", "Ship"]) await caller.scheduler.tasks.create({ summary, minutes: 60 });
    const queued = await queuedReplans(user.userId);
    expect(queued).toHaveLength(1);
    // Due half a minute after the first change, so later changes ride along.
    expect(queued[0]?.start_after.getTime()).toBe(NOW.getTime() + 30_000);

    // Run the job's handler as the worker would.
    await createReplanJob({ db: harness.database.prisma, jobs: queue, clock }).handler({
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
  });

  it("queues nothing for a person who did not turn it on", async () => {
    const { user, caller } = await userWithPlanner(false);
    await caller.scheduler.tasks.create({ summary: "Manual only" });
    expect(await queuedReplans(user.userId)).toEqual([]);
  });
});
