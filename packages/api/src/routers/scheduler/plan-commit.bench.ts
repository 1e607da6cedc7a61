import { createJobQueue } from "@agendacraft/db/jobs";
import { TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS } from "@agendacraft/domain/notifier";
import { afterAll, bench, describe } from "vitest";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { createLargeAccount, LARGE_ACCOUNT_PLAN, type LargeAccount } from "../../testing/large-account.ts";

/**
 * plan.preview, plan.commit and plan.undo for people with 1,000 / 5,000 / 10,000 open
 * tasks, through the tRPC caller (validation and output parsing included) with reminders
 * queued, on the embedded database, or on PostgreSQL with TEST_DATABASE_URL set.
 * The target: commit of 10,000 tasks under 3 s (it used to fail from ~1,500: each task
 * was its own statements inside a transaction limited to 5 s).
 */
const SIZES = [1000, 5000, 10_000];
const ROUNDS = 3;

const harness = await createTestDeps();
const queue = createJobQueue({ pool: harness.database.pool, maintenance: false });
await queue.start();
await queue.defineQueue(TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS);
const deps = { ...harness.deps, jobs: queue };

const accounts = new Map<number, LargeAccount>();
for (const size of SIZES) accounts.set(size, await createLargeAccount(deps, { tasks: size, splitTasks: 20 }));

/** Wall time, and this process's CPU time (on the embedded database that includes the database's own work, so it shows the cost apart from a busy machine's waiting). */
async function timeMs(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await run();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 };
}
type Sample = { wall: number; cpu: number };
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;

/** Preview, commit and undo, ROUNDS times each (undo leaves the tasks open for the next commit). */
async function report(size: number): Promise<void> {
  const { caller } = accounts.get(size) as LargeAccount;
  const samples = { preview: [] as Sample[], commit: [] as Sample[], undo: [] as Sample[] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      samples.preview.push(await timeMs(() => caller.scheduler.plan.preview(LARGE_ACCOUNT_PLAN)));
      let runId = "";
      samples.commit.push(
        await timeMs(async () => {
          const { run } = await caller.scheduler.plan.commit(LARGE_ACCOUNT_PLAN);
          if (run.placedCount !== size) throw new Error(`placed ${run.placedCount} of ${size}`);
          runId = run.id;
        }),
      );
      samples.undo.push(await timeMs(() => caller.scheduler.plan.undo({ runId })));
    }
  } catch (error) {
    // A failure is a result too (it is what this bench showed before the writes were batched).
    console.log(`plan (${harness.database.kind}) ${size} open tasks: FAILED: ${(error as Error).cause ?? error}`);
    return;
  }
  const fmt = (values: Sample[]) =>
    `${median(values.map((v) => v.wall)).toFixed(0)} ms (cpu ${median(values.map((v) => v.cpu)).toFixed(0)} ms)`;
  console.log(
    `plan (${harness.database.kind}) ${size} open tasks: commit ${fmt(samples.commit)}, undo ${fmt(samples.undo)}, ` +
      `preview ${fmt(samples.preview)}; median of ${ROUNDS}, commit samples ` +
      samples.commit.map((sample) => sample.wall.toFixed(0)).join("/"),
  );
}

for (const size of SIZES) await report(size);

afterAll(async () => {
  await queue.stop();
  await harness.close();
});

describe(`plan.commit + plan.undo, ${harness.database.kind} database`, () => {
  bench(
    "10,000 open tasks: commit then undo",
    async () => {
      const { caller } = accounts.get(10_000) as LargeAccount;
      const { run } = await caller.scheduler.plan.commit(LARGE_ACCOUNT_PLAN);
      await caller.scheduler.plan.undo({ runId: run.id });
    },
    { iterations: 3, warmupIterations: 0 },
  );
});
