import type { JobSender } from "@agendacraft/db/jobs";
import type { Prisma } from "@agendacraft/db/prisma";
import { deleteArea } from "../../scheduler/areas/index.ts";
import { TaskDeleted } from "../../scheduler/events.ts";
import { deleteProject } from "../../scheduler/projects/index.ts";
import { deleteTask } from "../../scheduler/tasks/index.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import type { WarningLog } from "../../shared/log.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import type { DisconnectTodoistInput } from "../schemas.ts";
import type { TodoistConfig } from "../todoist-config.ts";
import { todoistNotConnected } from "../todoist-errors.ts";
import { revokeTodoistToken } from "./todoist-oauth-requests.ts";
import { openTodoistAccessToken } from "./todoist-tokens.ts";

/** Removing thousands of imported tasks is one transaction; give it room. */
const DISCONNECT_TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Disconnects Todoist. Nothing is ever deleted in Todoist. First the OAuth grant is revoked
 * at Todoist (POST /api/v1/revoke); a failure there is logged and does not stop the
 * disconnect (the person wants AgendaCraft to stop; the grant can also be removed in
 * Todoist's settings). A personal API token cannot be revoked by an app: it stays the
 * person's own. Then, in one transaction, the connection goes with its links (cascade):
 * - keepTasks true: the imported tasks and projects stay as ordinary ones (no Todoist mark);
 * - keepTasks false: the linked tasks, the projects and areas created for Todoist (with all
 *   their tasks) are deleted here, each task with a TaskDeleted event (reminders, plan).
 * The push subscriber reacting to those events later finds no connection, so nothing is pushed.
 */
export async function disconnectTodoist({
  db,
  config,
  secrets,
  events,
  actorId,
  input,
  log,
}: {
  db: Db;
  config: TodoistConfig;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
  actorId: string;
  input: DisconnectTodoistInput;
  log?: WarningLog;
}): Promise<{ disconnected: true }> {
  const connection = await db.todoistConnection.findUnique({
    where: { userId: actorId },
    select: { id: true, authKind: true, accessToken: true },
  });
  if (!connection) throw todoistNotConnected();
  if (connection.authKind === "oauth" && config.oauth) {
    try {
      await revokeTodoistToken(config, config.oauth, openTodoistAccessToken(secrets, connection.accessToken));
    } catch (error) {
      log?.warn(
        { todoist: { message: error instanceof Error ? error.message : String(error) } },
        "could not revoke the Todoist token; disconnecting anyway",
      );
    }
  }
  await withTransaction(
    db,
    async (tx) => {
      if (!input.keepTasks) await deleteImported(tx, { actorId, connectionId: connection.id, events });
      await tx.todoistConnection.deleteMany({ where: { id: connection.id } });
    },
    { timeoutMs: DISCONNECT_TRANSACTION_TIMEOUT_MS },
  );
  return { disconnected: true };
}

/**
 * The areas first, then the projects (with all their tasks), then linked tasks elsewhere (the
 * inbox, or moved to a project of the person's own), so the ordering locks are taken in the
 * scheduler's one order and no row lock is taken after events are recorded for other rows.
 */
async function deleteImported(
  tx: Prisma.TransactionClient,
  { actorId, connectionId, events }: { actorId: string; connectionId: string; events: EventRecorder },
): Promise<void> {
  const projectLinks = await tx.todoistProjectLink.findMany({
    where: { connectionId },
    select: { projectId: true, areaId: true },
  });
  const projectIds = projectLinks.flatMap((link) => (link.projectId ? [link.projectId] : []));
  for (const link of projectLinks) {
    if (link.areaId) await deleteArea({ db: tx, actorId, input: { id: link.areaId } });
  }
  // Their tasks go with them (deleteProject records no TaskDeleted: recorded below, all at once).
  const tasksOfProjects = await tx.task.findMany({
    where: { userId: actorId, projectId: { in: projectIds } },
    select: { id: true, version: true },
  });
  for (const projectId of projectIds) {
    await deleteProject({ db: tx, actorId, input: { id: projectId } });
  }
  const elsewhere = await tx.todoistTaskLink.findMany({
    where: { connectionId, taskId: { not: null } },
    select: { taskId: true },
  });
  for (const { taskId } of elsewhere) {
    if (taskId) await deleteTask({ db: tx, actorId, id: taskId, events });
  }
  if (tasksOfProjects.length > 0) {
    await events.record(
      tx,
      tasksOfProjects.map((task) =>
        newEvent(TaskDeleted, { userId: actorId, aggregateId: task.id, version: task.version, payload: {} }),
      ),
    );
  }
}
