import { type Db, withTransaction } from "../../../shared/db.ts";
import type { TodoistSyncResponse } from "../../api/todoist-objects.ts";
import { changedFields, localFieldsOf } from "../../todoist-snapshot.ts";
import { ZPushedSnapshot } from "./pending-push.ts";
import { LOCAL_TASK_FIELDS } from "./queue-local-changes.ts";

/** A command as stored in todoist_commands. */
export type StoredCommand = { uuid: string; type: string; args: Record<string, unknown> };

export type PushNote = { todoistId: string; taskId: string | null; note: string };

type Status = TodoistSyncResponse["sync_status"][string];
type CommandError = Exclude<Status, "ok">;

/**
 * Applies Todoist's answers to one batch of commands, item by item. All "ok": the link takes
 * the agreement stored with its commands (or goes, after a delete) and the commands are
 * dropped. An answer that may change on a retry (5xx, 429, or none) keeps the item's commands
 * for the next push, which re-sends the same uuids. Any other error can never succeed: the
 * commands are dropped with a note; "item not found" unlinks the task (it is gone from
 * Todoist, so nothing here can reach it any more); a refused change is kept here only, and
 * the snapshot still holds Todoist's value, so the next change on Todoist's side wins again.
 */
export async function settlePushAnswers({
  db,
  connectionId,
  sent,
  statuses,
}: {
  db: Db;
  connectionId: string;
  sent: readonly StoredCommand[];
  statuses: TodoistSyncResponse["sync_status"];
}): Promise<{ pushed: number; notes: PushNote[] }> {
  const byItem = groupByItem(sent);
  let pushed = 0;
  const notes: PushNote[] = [];
  const answered = [...byItem].filter(([, commands]) =>
    commands.every((command) => {
      const answer = statuses[command.uuid];
      return answer !== undefined && (answer === "ok" || !mayChangeOnRetry(answer));
    }),
  );
  if (answered.length === 0) return { pushed, notes };
  await withTransaction(db, async (tx) => {
    await tx.todoistCommand.deleteMany({
      where: { uuid: { in: answered.flatMap(([, commands]) => commands.map((command) => command.uuid)) } },
    });
    const links = new Map(
      (
        await tx.todoistTaskLink.findMany({
          where: { connectionId, todoistId: { in: answered.map(([todoistId]) => todoistId) } },
          select: { todoistId: true, synced: true, taskId: true },
        })
      ).map((link) => [link.todoistId, link]),
    );
    for (const [todoistId, commands] of answered) {
      const answers = commands.map((command) => statuses[command.uuid] ?? "ok");
      const where = { connectionId_todoistId: { connectionId, todoistId } };
      const link = links.get(todoistId);
      if (!link) continue;
      const errors = answers.filter((answer): answer is CommandError => answer !== "ok");
      const deleting = commands.some((command) => command.type === "item_delete");
      if (errors.some((error) => error.error_tag === "ITEM_NOT_FOUND")) {
        await tx.todoistTaskLink.delete({ where });
        if (deleting) pushed += 1;
        else
          notes.push({
            todoistId,
            taskId: link.taskId,
            note: "This task is no longer in Todoist: it stays here, no longer linked to Todoist.",
          });
        continue;
      }
      const { pending, ...snapshot } = ZPushedSnapshot.parse(link.synced);
      for (const error of errors) {
        notes.push({
          todoistId,
          taskId: link.taskId,
          note: `Todoist refused a change: ${error.error ?? error.error_tag}`,
        });
      }
      // Without its pending agreement a pull has agreed on this item since: its snapshot stands.
      if (!pending || !commands.every((command) => pending.uuids.includes(command.uuid))) continue;
      if (errors.length > 0) {
        // Not sent again: the refused values count as agreed here. A refused close of a recurring
        // task leaves the link on the completed occurrence (pending.local is the next one's).
        const local = pending.nextTaskId ? { ...snapshot.local, completed: true } : pending.local;
        await tx.todoistTaskLink.update({ where, data: { synced: { ...snapshot, local } } });
        continue;
      }
      if (pending.unlink) {
        await tx.todoistTaskLink.delete({ where });
      } else {
        const next = pending.nextTaskId
          ? await tx.task.findUnique({ where: { id: pending.nextTaskId }, select: LOCAL_TASK_FIELDS })
          : null;
        await tx.todoistTaskLink.update({
          where,
          data: {
            synced: { remote: pending.remote, local: pending.local },
            // The next occurrence was not linked while these commands were out: a change to it since
            // (a completion included) found no link to mark, so it is marked here.
            ...(next ? { taskId: next.id, dirty: changedFields(pending.local, localFieldsOf(next)).length > 0 } : {}),
          },
        });
      }
      pushed += 1;
    }
  });
  return { pushed, notes };
}

/** Todoist's own trouble or its rate limit: the same command may well succeed later. */
function mayChangeOnRetry(error: CommandError): boolean {
  const status = error.http_code ?? 0;
  return status === 429 || status >= 500;
}

/** The commands per Todoist item, in the order they were sent. */
export function groupByItem<T extends { args: Record<string, unknown> }>(commands: readonly T[]): Map<string, T[]> {
  const byItem = new Map<string, T[]>();
  for (const command of commands) {
    const id = String(command.args.id);
    byItem.set(id, [...(byItem.get(id) ?? []), command]);
  }
  return byItem;
}
