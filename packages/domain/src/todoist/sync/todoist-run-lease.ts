import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { TodoistPhase, TodoistRunning } from "../schemas.ts";

/**
 * A run that has shown no sign of life (claim or progress) for this long is taken to have
 * died with its process: another run may claim the connection, and the status stops showing it.
 */
export const TODOIST_RUN_LEASE_MS = 10 * 60_000;

/** Progress is written at most this often (and on every phase change), not per task. */
const PROGRESS_EVERY_MS = 250;

/** Another run of this connection holds the lease: this one did not start. */
export class TodoistSyncBusyError extends Error {
  constructor(readonly running: TodoistRunning | null) {
    super("A Todoist sync of this connection is already running");
    this.name = "TodoistSyncBusyError";
  }
}

/** The oldest `runningSince` of a live run at `now`. */
export function leaseCutoff(clock: Clock): Date {
  return new Date(clock.now().getTime() - TODOIST_RUN_LEASE_MS);
}

/** What a connection row says is running, or null (none, or one whose lease lapsed). */
export function runningOf(
  row: { runningPhase: string | null; runningDone: number; runningTotal: number; runningSince: Date | null },
  clock: Clock,
): TodoistRunning | null {
  if (!row.runningPhase || !row.runningSince || row.runningSince < leaseCutoff(clock)) return null;
  return { phase: row.runningPhase as TodoistPhase, done: row.runningDone, total: row.runningTotal };
}

/**
 * Claims the connection for one run in one conditional UPDATE: it succeeds only when no run
 * holds a live lease, so two runs of one connection never overlap (on any number of servers).
 * `runningSince` is the lease: set here, renewed by every progress write. False when another
 * run holds it.
 */
export async function claimTodoistRun({
  db,
  clock,
  connectionId,
}: {
  db: Db;
  clock: Clock;
  connectionId: string;
}): Promise<boolean> {
  const now = clock.now();
  const { count } = await db.todoistConnection.updateMany({
    where: {
      id: connectionId,
      OR: [{ runningPhase: null }, { runningSince: null }, { runningSince: { lt: leaseCutoff(clock) } }],
    },
    data: { runningPhase: "projects", runningDone: 0, runningTotal: 0, runningSince: now },
  });
  return count === 1;
}

/**
 * The run's progress reporter: writes phase, done and total (renewing the lease) on a phase
 * change and otherwise at most every PROGRESS_EVERY_MS of real time, so a 5,000-task import
 * does not make 5,000 writes. `latest` is what was last reported, written or not.
 */
export function progressWriter({ db, clock, connectionId }: { db: Db; clock: Clock; connectionId: string }) {
  let latest: TodoistRunning | null = null;
  let writtenPhase: string | null = null;
  let writtenAt = 0;
  return {
    get latest() {
      return latest;
    },
    async report(progress: TodoistRunning): Promise<void> {
      latest = progress;
      const at = performance.now();
      if (progress.phase === writtenPhase && at - writtenAt < PROGRESS_EVERY_MS) return;
      writtenPhase = progress.phase;
      writtenAt = at;
      await db.todoistConnection.updateMany({
        where: { id: connectionId, runningPhase: { not: null } },
        data: {
          runningPhase: progress.phase,
          runningDone: progress.done,
          runningTotal: progress.total,
          runningSince: clock.now(),
        },
      });
    },
  };
}
