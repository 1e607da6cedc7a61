import type { JobQueue } from "@agendacraft/db/jobs";
import { countQueries } from "@agendacraft/db/testing";
import { TASK_STARTING_JOB } from "@agendacraft/domain/notifier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerDeps } from "../../context.ts";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { createLargeAccount, LARGE_ACCOUNT_PLAN } from "../../testing/large-account.ts";
import { withJobQueue } from "../../testing/with-job-queue.ts";

const MINUTE = 60_000;
// Thousands of rows are inserted and checked one by one: give a busy CI machine room.
const LARGE_TEST_TIMEOUT_MS = 180_000;
const LEAD_MINUTES = 5;

type JobRow = { id: string; state: string; start_after: Date; data: { taskId: string; startTime: string } };

/**
 * A person with 5,000 open tasks commits a plan: before the writes were batched this
 * failed ("expired transaction") from about 1,500 tasks. Timings are in plan-commit.bench.ts.
 */
describe("scheduler.plan for a person with 5,000 open tasks", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let queue: JobQueue;
  let deps: ServerDeps;
  let deliver: Awaited<ReturnType<typeof withJobQueue>>["deliver"];

  beforeAll(async () => {
    harness = await createTestDeps();
    // No maintenance and no workers: the queued jobs stay as they are and nothing else uses the pool.
    const queued = await withJobQueue(harness.deps, harness.database.pool, { maintenance: false });
    ({ queue, deps, deliver } = queued);
  });
  afterAll(async () => {
    await queue?.stop();
    await harness?.close();
  });

  async function reminderJobs(taskIds: string[]): Promise<Map<string, JobRow[]>> {
    const { rows } = await harness.database.pool.query<JobRow>(
      `SELECT id, state, start_after, data FROM pgboss.job
       WHERE name = $1 AND (data->>'taskId')::uuid = ANY($2::uuid[]) ORDER BY created_on`,
      [TASK_STARTING_JOB, taskIds],
    );
    const byTask = new Map<string, JobRow[]>();
    for (const row of rows) byTask.set(row.data.taskId, [...(byTask.get(row.data.taskId) ?? []), row]);
    return byTask;
  }

  it(
    "commits every placement with its parts, reminders and run record, and undo puts it all back",
    async () => {
      const account = await createLargeAccount(deps, { tasks: 5000, splitTasks: 20 });
      const { prisma } = harness.database;

      const applied = await account.caller.scheduler.plan.commit(LARGE_ACCOUNT_PLAN);
      expect(applied.unplaced).toEqual([]);
      expect(applied.changes).toHaveLength(5000);
      expect(applied.run).toMatchObject({ placedCount: 5000, unplacedCount: 0, undoneAt: null });

      const tasks = await prisma.task.findMany({
        where: { userId: account.user.userId },
        select: { id: true, startTime: true, endTime: true, version: true },
      });
      const changes = new Map(applied.changes.map((change) => [change.taskId, change]));
      expect(tasks).toHaveLength(5000);
      for (const task of tasks) {
        const change = changes.get(task.id);
        expect(task.startTime).toEqual(change?.newStart);
        expect(task.endTime).toEqual(change?.newEnd);
      }

      // The split tasks' parts are stored as blocks of this run; no other task has any.
      const blocks = await prisma.taskBlock.findMany({
        where: { userId: account.user.userId },
        orderBy: { start: "asc" },
        select: { taskId: true, runId: true, start: true, end: true },
      });
      expect(new Set(blocks.map((block) => block.taskId))).toEqual(new Set(account.splitTaskIds));
      expect(blocks.every((block) => block.runId === applied.run.id)).toBe(true);
      for (const taskId of account.splitTaskIds) {
        const parts = changes.get(taskId)?.parts;
        expect(parts).toHaveLength(2);
        expect(blocks.filter((block) => block.taskId === taskId).map(({ start, end }) => ({ start, end }))).toEqual(
          parts,
        );
      }

      // Once the PlanCommitted event is delivered: one queued reminder per task starting after
      // now, at its start minus the lead time, remembered by the notifier (the plan starts
      // now: the first task is already starting).
      await expect(deliver(account.user.userId)).resolves.toMatchObject({ failed: [] });
      const reminders = new Map(
        (await prisma.taskReminder.findMany({ where: { userId: account.user.userId } })).map((row) => [
          row.taskId,
          row.jobId,
        ]),
      );
      const jobs = await reminderJobs(account.taskIds);
      const now = deps.clock.now().getTime();
      const starting = tasks.filter((task) => (task.startTime as Date).getTime() <= now);
      expect(starting).toHaveLength(1);
      expect(jobs.get(starting[0]?.id as string)).toBeUndefined();
      expect(reminders.has(starting[0]?.id as string)).toBe(false);
      for (const task of tasks.filter((each) => (each.startTime as Date).getTime() > now)) {
        const [job, ...others] = jobs.get(task.id) ?? [];
        expect(others).toEqual([]);
        expect(job?.state).toBe("created");
        expect(job?.id).toBe(reminders.get(task.id));
        expect(job?.data.startTime).toBe(task.startTime?.toISOString());
        expect(job?.start_after).toEqual(new Date((task.startTime as Date).getTime() - LEAD_MINUTES * MINUTE));
      }

      // The run remembers what it changed and the version it left, for undo.
      const recorded = await prisma.planRunChange.findMany({ where: { runId: applied.run.id } });
      expect(recorded).toHaveLength(5000);
      const versions = new Map(tasks.map((task) => [task.id, task.version]));
      for (const change of recorded) {
        expect(change.appliedVersion).toBe(versions.get(change.taskId as string));
        expect(change.newStart).toEqual(changes.get(change.taskId as string)?.newStart);
      }

      // One task edited after the run keeps its time; everything else goes back.
      const [edited] = account.taskIds;
      if (!edited) throw new Error("no task");
      await account.caller.scheduler.tasks.update({ id: edited, summary: "Changed after planning" });
      const undone = await account.caller.scheduler.plan.undo({ runId: applied.run.id });
      expect(undone.restored).toBe(4999);
      expect(undone.skipped).toEqual([{ taskId: edited, summary: "Changed after planning", reason: "edited_since" }]);
      expect(undone.run.undoneAt).not.toBeNull();

      const after = await prisma.task.findMany({
        where: { userId: account.user.userId, id: { not: edited } },
        select: { id: true, startTime: true, endTime: true },
      });
      expect(after.filter((task) => task.startTime || task.endTime)).toEqual([]);
      await expect(deliver(account.user.userId)).resolves.toMatchObject({ failed: [] });
      expect(
        await prisma.taskReminder.findMany({ where: { userId: account.user.userId, taskId: { not: edited } } }),
      ).toEqual([]);
      expect(await prisma.taskBlock.count({ where: { userId: account.user.userId } })).toBe(0);
      const jobsAfter = await reminderJobs(account.taskIds.filter((id) => id !== edited));
      expect([...jobsAfter.values()].flat().every((job) => job.state === "cancelled")).toBe(true);
      expect((await reminderJobs([edited])).get(edited)?.map((job) => job.state)).toEqual(["created"]);

      // A second commit places the tasks again.
      const again = await account.caller.scheduler.plan.commit(LARGE_ACCOUNT_PLAN);
      expect(again.run.placedCount).toBe(4999);
    },
    LARGE_TEST_TIMEOUT_MS,
  );

  it(
    "commits, undoes and previews in as many statements for 1,000 tasks as for 30",
    async () => {
      const statements = async (tasks: number) => {
        const account = await createLargeAccount(deps, { tasks, splitTasks: 2 });
        const commit = await countQueries(harness.database.pool, () =>
          account.caller.scheduler.plan.commit(LARGE_ACCOUNT_PLAN),
        );
        expect(commit.result.run.placedCount).toBe(tasks);
        const undo = await countQueries(harness.database.pool, () =>
          account.caller.scheduler.plan.undo({ runId: commit.result.run.id }),
        );
        expect(undo.result.restored).toBe(tasks);
        const preview = await countQueries(harness.database.pool, () =>
          account.caller.scheduler.plan.preview(LARGE_ACCOUNT_PLAN),
        );
        return { commit: commit.queries, undo: undo.queries, preview: preview.queries };
      };
      const small = await statements(30);
      const large = await statements(1000);
      expect(large).toEqual(small);
    },
    LARGE_TEST_TIMEOUT_MS,
  );
});
