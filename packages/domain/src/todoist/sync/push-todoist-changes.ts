import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { TodoistClient } from "../api/todoist-client.ts";
import { todoistNotConnected } from "../todoist-errors.ts";
import type { OnProgress } from "./pull-todoist-changes.ts";
import { queueLocalChanges } from "./push/queue-local-changes.ts";
import { groupByItem, type PushNote, type StoredCommand, settlePushAnswers } from "./push/settle-push-answers.ts";

/** Todoist's limit of commands per sync request. */
const MAX_COMMANDS_PER_REQUEST = 100;

/**
 * Sends local changes of linked tasks (links marked dirty, and links whose task was deleted
 * here) to Todoist as sync commands, each with a uuid stored before it is sent; commands left
 * from an earlier push that got no answer go first, with their uuids, so Todoist applies each
 * once. Runs after the pull. `pushed` counts the tasks whose changes Todoist took; `notes`
 * says in words what it refused (additive to the contract's `{ pushed }`).
 */
export async function pushTodoistChanges({
  db,
  client,
  clock,
  connectionId,
  onProgress,
  signal,
}: {
  db: Db;
  client: TodoistClient;
  clock: Clock;
  connectionId: string;
  onProgress?: OnProgress;
  signal?: AbortSignal;
}): Promise<{ pushed: number; notes: PushNote[] }> {
  const connection = await db.todoistConnection.findUnique({
    where: { id: connectionId },
    select: { user: { select: { timeZone: true } } },
  });
  if (!connection) throw todoistNotConnected();
  const planningNotes = await queueLocalChanges({ db, clock, connectionId, timeZone: connection.user.timeZone });
  const stored = await db.todoistCommand.findMany({
    where: { connectionId },
    select: { uuid: true, type: true, args: true },
    orderBy: [{ createdAt: "asc" }, { uuid: "asc" }],
  });
  const result = { pushed: 0, notes: [...planningNotes] };
  if (stored.length === 0) return result;

  const commands = stored.map((row) => ({ ...row, args: row.args as Record<string, unknown> }));
  let done = 0;
  await onProgress?.({ phase: "push", done, total: commands.length });
  for (const batch of batches(commands)) {
    signal?.throwIfAborted();
    // No resource types: only the write half runs, and the pull's sync_token is neither used nor moved.
    const answer = await client.sync({
      syncToken: "*",
      resourceTypes: [],
      commands: batch.map(({ uuid, type, args }) => ({ uuid, type, args })),
    });
    const settled = await settlePushAnswers({ db, connectionId, sent: batch, statuses: answer.sync_status });
    result.pushed += settled.pushed;
    result.notes.push(...settled.notes);
    done += batch.length;
    await onProgress?.({ phase: "push", done, total: commands.length });
  }
  return result;
}

/** Requests of at most 100 commands; one item's commands stay in one request, so they are answered together. */
function batches(commands: readonly StoredCommand[]): StoredCommand[][] {
  const result: StoredCommand[][] = [];
  let current: StoredCommand[] = [];
  for (const group of groupByItem(commands).values()) {
    if (current.length > 0 && current.length + group.length > MAX_COMMANDS_PER_REQUEST) {
      result.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) result.push(current);
  return result;
}
