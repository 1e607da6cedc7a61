import { randomUUID } from "node:crypto";
import type { Prisma } from "@agendacraft/db/prisma";
import type { Clock } from "../../../shared/clock.ts";
import { type Db, withTransaction } from "../../../shared/db.ts";
import { type PendingPush, ZPushedSnapshot } from "./pending-push.ts";
import { type PlannedCommand, planTaskPush } from "./plan-task-push.ts";
import type { PushNote } from "./settle-push-answers.ts";

/** What localFieldsOf reads, and the id. */
export const LOCAL_TASK_FIELDS = {
  id: true,
  summary: true,
  description: true,
  priority: true,
  minutes: true,
  startTime: true,
  startAfter: true,
  dueAt: true,
  completedAt: true,
  projectId: true,
} satisfies Prisma.TaskSelect;

export const PUSH_TASK_SELECT = {
  ...LOCAL_TASK_FIELDS,
  plannedStart: true,
  recurrence: true,
  next: { select: LOCAL_TASK_FIELDS },
} satisfies Prisma.TaskSelect;

/**
 * Turns the connection's local changes into stored commands: for each dirty link (and each
 * link whose task was deleted here) the commands are written to todoist_commands, with what
 * both sides will agree on once they are applied, in one transaction and BEFORE anything is
 * sent, so a push that dies halfway re-sends the same uuids. A link whose commands from an
 * earlier push are still unanswered waits for them. Links with nothing to send only take the
 * task's current fields as agreed (a planner placement, a value Todoist already holds).
 * Resolves with the local changes Todoist cannot take, in words.
 */
export async function queueLocalChanges({
  db,
  clock,
  connectionId,
  timeZone,
}: {
  db: Db;
  clock: Clock;
  connectionId: string;
  timeZone: string;
}): Promise<PushNote[]> {
  const notes: PushNote[] = [];
  await withTransaction(db, async (tx) => {
    const links = await tx.todoistTaskLink.findMany({
      where: { connectionId, OR: [{ dirty: true }, { taskId: null }] },
      select: { todoistId: true, synced: true, task: { select: PUSH_TASK_SELECT } },
    });
    if (links.length === 0) return;
    const stored = new Set(
      (await tx.todoistCommand.findMany({ where: { connectionId }, select: { uuid: true } })).map((row) => row.uuid),
    );
    const todoistProjectOf = await readTodoistProjects(tx, connectionId);

    const commands: (PlannedCommand & { uuid: string })[] = [];
    for (const link of links) {
      const synced = ZPushedSnapshot.parse(link.synced);
      if (synced.pending?.uuids.some((uuid) => stored.has(uuid))) continue;
      const { pending: _stale, ...snapshot } = synced;
      const where = { connectionId_todoistId: { connectionId, todoistId: link.todoistId } };
      const plan = link.task
        ? planTaskPush({ todoistId: link.todoistId, snapshot, task: link.task, timeZone, todoistProjectOf })
        : {
            commands: [{ type: "item_delete", args: { id: link.todoistId } }],
            remote: snapshot.remote,
            local: snapshot.local,
            nextTaskId: null,
            notes: [],
          };
      for (const note of plan.notes) notes.push({ todoistId: link.todoistId, taskId: link.task?.id ?? null, note });
      if (plan.commands.length === 0) {
        await tx.todoistTaskLink.update({ where, data: { synced: { ...snapshot, local: plan.local }, dirty: false } });
        continue;
      }
      const planned = plan.commands.map((command) => ({ ...command, uuid: randomUUID() }));
      commands.push(...planned);
      const pending: PendingPush = {
        uuids: planned.map((command) => command.uuid),
        remote: plan.remote,
        local: plan.local,
        nextTaskId: plan.nextTaskId,
        unlink: link.task === null,
      };
      await tx.todoistTaskLink.update({ where, data: { synced: { ...snapshot, pending }, dirty: false } });
    }
    if (commands.length === 0) return;
    // createdAt orders the sending; the index within the batch keeps one link's commands in order.
    const start = clock.now().getTime();
    await tx.todoistCommand.createMany({
      data: commands.map((command, index) => ({
        uuid: command.uuid,
        connectionId,
        type: command.type,
        args: command.args as Prisma.InputJsonObject,
        createdAt: new Date(start + index),
      })),
    });
  });
  return notes;
}

/** The Todoist project linked to a local project (null: the inbox), or null when it did not come from Todoist. */
export async function readTodoistProjects(
  tx: Db,
  connectionId: string,
): Promise<(projectId: string | null) => string | null> {
  const projects = await tx.todoistProjectLink.findMany({
    where: { connectionId },
    select: { todoistId: true, projectId: true, isInbox: true },
  });
  return (projectId) =>
    projects.find((link) => (projectId === null ? link.isInbox : link.projectId === projectId))?.todoistId ?? null;
}
