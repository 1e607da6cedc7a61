import { type Clock, systemClock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { type TodoistStatusDto, ZTodoistSyncResult } from "../schemas.ts";
import { runningOf } from "../sync/todoist-run-lease.ts";
import type { TodoistConfig } from "../todoist-config.ts";

const ZLastResult = ZTodoistSyncResult.omit({ unmapped: true });

/**
 * The person's Todoist connection as Settings shows it: the account, how the last sync went,
 * the run in progress (null when none, or when its lease lapsed), and every linked task whose
 * recurrence is not mapped, across all runs.
 */
export async function getTodoistStatus({
  db,
  config,
  actorId,
  clock,
}: {
  db: Db;
  config: TodoistConfig;
  actorId: string;
  /** For the run's lease; without it a running mark is shown as it is stored. */
  clock?: Clock;
}): Promise<TodoistStatusDto> {
  const oauthAvailable = config.oauth !== null;
  const connection = await db.todoistConnection.findUnique({
    where: { userId: actorId },
    select: {
      id: true,
      email: true,
      name: true,
      authKind: true,
      status: true,
      lastSyncedAt: true,
      lastError: true,
      runningPhase: true,
      runningDone: true,
      runningTotal: true,
      runningSince: true,
      lastResult: true,
    },
  });
  if (!connection) {
    return {
      connected: false,
      account: null,
      authKind: null,
      needsReconnect: false,
      lastSyncedAt: null,
      lastError: null,
      running: null,
      lastResult: null,
      unmapped: [],
      oauthAvailable,
    };
  }
  const unmapped = await db.todoistTaskLink.findMany({
    where: { connectionId: connection.id, unmappedReason: { not: null } },
    orderBy: { todoistId: "asc" },
    select: {
      taskId: true,
      todoistId: true,
      unmappedReason: true,
      synced: true,
      task: { select: { recurrenceText: true } },
    },
  });
  // A result stored by an older release may lack a field: show none rather than fail the page.
  const lastResult = ZLastResult.safeParse(connection.lastResult);
  return {
    connected: true,
    account: { email: connection.email, name: connection.name },
    authKind: connection.authKind === "oauth" ? "oauth" : "token",
    needsReconnect: connection.status === "needs_reconnect",
    lastSyncedAt: connection.lastSyncedAt,
    lastError: connection.lastError,
    running: runningOf(connection, clock ?? systemClock),
    lastResult: lastResult.success ? lastResult.data : null,
    unmapped: unmapped.map((link) => ({
      taskId: link.taskId,
      todoistId: link.todoistId,
      text: link.task?.recurrenceText ?? snapshotDueString(link.synced),
      reason: link.unmappedReason ?? "",
    })),
    oauthAvailable,
  };
}

/** The due string as last agreed, for a link whose task was deleted here (the delete not yet pushed). */
function snapshotDueString(synced: unknown): string {
  const text = (synced as { remote?: { due?: { string?: unknown } | null } } | null)?.remote?.due?.string;
  return typeof text === "string" ? text : "";
}
