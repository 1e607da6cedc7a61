import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { WarningLog } from "../../shared/log.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { TodoistAuthError, TodoistRateLimitError, TodoistUnavailableError } from "../api/todoist-request-errors.ts";
import type { TodoistRunning, TodoistSyncAnswer } from "../schemas.ts";
import { runTodoistSync } from "../sync/run-todoist-sync.ts";
import { TodoistSyncBusyError } from "../sync/todoist-run-lease.ts";
import { TodoistSyncJob } from "../sync/todoist-sync-job-type.ts";
import type { TodoistConfig } from "../todoist-config.ts";
import {
  todoistNeedsReconnect,
  todoistNotConnected,
  todoistRateLimited,
  todoistUnavailable,
} from "../todoist-errors.ts";

/** Under the 60 s the API promises, leaving room to answer. */
export const SYNC_NOW_WAIT_MS = 55_000;

/**
 * todoist.sync(): runs an import or incremental sync now and answers its result. A run that
 * does not finish within `waitMs` (a large first import) is stopped where it is (the sync
 * resumes from what it stored) and continued by the `todoist.sync` job; so is one that finds
 * another run holding the connection. Either way the answer has zero counts and `running`
 * (todoist.status() shows the result once it ends).
 */
export async function syncTodoistNow({
  db,
  config,
  secrets,
  clock,
  events,
  jobs,
  actorId,
  waitMs = SYNC_NOW_WAIT_MS,
  log,
}: {
  db: Db;
  config: TodoistConfig;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
  actorId: string;
  waitMs?: number;
  log?: WarningLog;
}): Promise<TodoistSyncAnswer> {
  const connection = await db.todoistConnection.findUnique({
    where: { userId: actorId },
    select: { id: true, status: true },
  });
  if (!connection) throw todoistNotConnected();
  if (connection.status === "needs_reconnect") throw todoistNeedsReconnect();

  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new Error("todoist.sync() stopped waiting")), waitMs);
  let running: TodoistRunning | null = null;
  try {
    const result = await runTodoistSync({
      db,
      config,
      secrets,
      clock,
      events,
      jobs,
      connectionId: connection.id,
      signal: stop.signal,
      log,
      onRunning: (progress) => {
        running = progress;
      },
    });
    return { ...result, running: null };
  } catch (error) {
    if (error instanceof TodoistSyncBusyError || stop.signal.aborted) {
      await jobs.send(TodoistSyncJob, { connectionId: connection.id }, { singletonKey: connection.id });
      const busy = error instanceof TodoistSyncBusyError ? error.running : null;
      return { ...EMPTY_RESULT, running: busy ?? running ?? { phase: "projects", done: 0, total: 0 } };
    }
    if (error instanceof TodoistAuthError) throw todoistNeedsReconnect(error);
    if (error instanceof TodoistRateLimitError) throw todoistRateLimited(error.retryAfterSeconds, error);
    if (error instanceof TodoistUnavailableError) throw todoistUnavailable(error.reason, error);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

const EMPTY_RESULT = {
  projects: 0,
  tasks: 0,
  created: 0,
  updated: 0,
  completed: 0,
  deleted: 0,
  pushed: 0,
  conflicts: [],
  unmapped: [],
  notes: [],
};
