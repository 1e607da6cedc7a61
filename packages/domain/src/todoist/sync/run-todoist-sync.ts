import type { JobSender } from "@agendacraft/db/jobs";
import { Prisma } from "@agendacraft/db/prisma";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { WarningLog } from "../../shared/log.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { createTodoistClient } from "../api/todoist-client.ts";
import { TodoistAuthError, TodoistRateLimitError, TodoistUnavailableError } from "../api/todoist-request-errors.ts";
import { storedTodoistAuth } from "../connect/stored-todoist-auth.ts";
import type { TodoistRunning, TodoistSyncResult } from "../schemas.ts";
import type { TodoistConfig } from "../todoist-config.ts";
import { pullTodoistChanges } from "./pull-todoist-changes.ts";
import { pushTodoistChanges } from "./push-todoist-changes.ts";
import { claimTodoistRun, progressWriter, runningOf, TodoistSyncBusyError } from "./todoist-run-lease.ts";

/** The connection was removed (disconnected) before or during the run. */
export class TodoistConnectionGoneError extends Error {
  constructor() {
    super("The Todoist connection no longer exists");
    this.name = "TodoistConnectionGoneError";
  }
}

export type RunTodoistSyncInput = {
  db: Db;
  config: TodoistConfig;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
  connectionId: string;
  signal?: AbortSignal;
  log?: WarningLog;
  /** Sees every progress report (syncTodoistNow answers the last one when it stops waiting). */
  onRunning?: (running: TodoistRunning) => void;
  /** Tests shorten the client's 5xx backoff. */
  backoffMs?: number;
};

/**
 * One sync of one connection, the only way a sync runs (the job, todoist.sync(), the CLI):
 * claims the run (TodoistSyncBusyError when another holds it), PULLS first, so a field changed
 * on both sides is decided with both known, then PUSHES, then stores the result with
 * lastSyncedAt and lastError null. A failure is stored in words and thrown as it came, for the
 * caller to decide: a refused token makes the connection needs_reconnect; a 429 or 5xx is
 * retried by the job. The running mark is cleared however the run ends.
 */
export async function runTodoistSync({
  db,
  config,
  secrets,
  clock,
  events,
  jobs,
  connectionId,
  signal,
  log,
  onRunning,
  backoffMs,
}: RunTodoistSyncInput): Promise<TodoistSyncResult> {
  const connection = await db.todoistConnection.findUnique({
    where: { id: connectionId },
    select: { status: true, runningPhase: true, runningDone: true, runningTotal: true, runningSince: true },
  });
  if (!connection) throw new TodoistConnectionGoneError();
  if (connection.status === "needs_reconnect") throw new TodoistAuthError(401);
  if (!(await claimTodoistRun({ db, clock, connectionId }))) {
    const current = await db.todoistConnection.findUnique({ where: { id: connectionId } });
    throw new TodoistSyncBusyError(current ? runningOf(current, clock) : null);
  }
  const startedAt = clock.now();
  const progress = progressWriter({ db, clock, connectionId });
  const onProgress = async (running: TodoistRunning) => {
    onRunning?.(running);
    await progress.report(running);
  };
  const client = createTodoistClient({
    apiOrigin: config.apiOrigin,
    auth: storedTodoistAuth({ db, config, secrets, clock, connectionId, log }),
    signal,
    ...(backoffMs === undefined ? {} : { backoffMs }),
  });
  try {
    const pulled = await pullTodoistChanges({ db, client, clock, events, jobs, connectionId, onProgress, signal });
    const pushedChanges = await pushTodoistChanges({ db, client, clock, connectionId, onProgress, signal });
    const result: TodoistSyncResult = {
      ...pulled,
      pushed: pushedChanges.pushed,
      notes: [...pulled.notes, ...pushedChanges.notes],
    };
    const { unmapped: _unmapped, ...lastResult } = result;
    const { count } = await db.todoistConnection.updateMany({
      where: { id: connectionId },
      data: {
        ...notRunning,
        lastResult,
        lastSyncedAt: clock.now(),
        lastError: null,
      },
    });
    if (count === 0) throw new TodoistConnectionGoneError();
    // The pull keeps its own completedSince when it reads completions; a first import starts the window at its start.
    await db.todoistConnection.updateMany({
      where: { id: connectionId, completedSince: null },
      data: { completedSince: startedAt },
    });
    return result;
  } catch (error) {
    await recordFailure(db, connectionId, error, signal);
    throw error;
  }
}

const notRunning = { runningPhase: null, runningDone: 0, runningTotal: 0, runningSince: null };

/** Stores why the run failed, in words a person can act on, and clears the running mark. */
async function recordFailure(db: Db, connectionId: string, error: unknown, signal: AbortSignal | undefined) {
  const aborted = signal?.aborted === true;
  const lastError = aborted ? undefined : failureInWords(error);
  await db.todoistConnection.updateMany({
    where: { id: connectionId },
    data: {
      ...notRunning,
      ...(lastError === undefined ? {} : { lastError }),
      ...(error instanceof TodoistAuthError ? { status: "needs_reconnect" as const } : {}),
    },
  });
}

/** Never the token, a URL or a stack: what happened, and what happens next. */
export function failureInWords(error: unknown): string {
  if (error instanceof TodoistAuthError) {
    return "Todoist no longer accepts AgendaCraft's access (the token was revoked or expired). Connect Todoist again.";
  }
  if (error instanceof TodoistRateLimitError) {
    return `Todoist asked us to wait ${Math.ceil(error.retryAfterSeconds)} s before syncing again; it will be retried then.`;
  }
  if (error instanceof TodoistUnavailableError) {
    return `Todoist could not be reached (${error.reason}); the sync will be tried again shortly.`;
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    return "The sync could not save its changes; it will be tried again shortly.";
  }
  return "The sync stopped unexpectedly; it will be tried again shortly.";
}
