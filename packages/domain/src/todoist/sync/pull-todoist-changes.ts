import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { TodoistClient } from "../api/todoist-client.ts";
import type { TodoistItem, TodoistSection } from "../api/todoist-objects.ts";
import { ZTodoistTaskSnapshot } from "../todoist-snapshot.ts";
import { applyItemBatch } from "./apply-item-batch.ts";
import { applyTodoistProjects } from "./apply-todoist-projects.ts";
import { bufferedEvents } from "./buffered-events.ts";
import type { PullContext } from "./pull-context.ts";
import { emptyPullResult } from "./pull-result.ts";
import type { OnProgress, PullResult } from "./pull-types.ts";
import { readRecurringCompletions } from "./read-recurring-completions.ts";
import { readTodoistAnswer } from "./read-todoist-answer.ts";
import { resolveParents } from "./resolve-parents.ts";

export type { OnProgress, PullResult } from "./pull-types.ts";

/** Items written per transaction: small enough to commit often (an import killed halfway keeps its batches). */
export const PULL_BATCH_SIZE = 200;
/** A batch of 200 new tasks takes well under a second; completes and moves call the scheduler's services. */
const BATCH_TIMEOUT_MS = 120_000;

/**
 * Reads what changed in Todoist since the connection's sync_token ("*": everything) and
 * applies it here: projects first, then items in batches, then sub-task parents. The new
 * sync_token is saved only after everything in the answer is applied, so a pull stopped
 * halfway reads the same answer again next time, and the links make that create nothing twice.
 * `jobs` is unused: the pull's follow-up work travels as domain events.
 */
export async function pullTodoistChanges({
  db,
  client,
  clock,
  events,
  connectionId,
  onProgress,
  signal,
}: {
  db: Db;
  client: TodoistClient;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
  connectionId: string;
  onProgress?: OnProgress;
  signal?: AbortSignal;
}): Promise<PullResult> {
  const connection = await db.todoistConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: {
      userId: true,
      syncToken: true,
      completedSince: true,
      createdAt: true,
      user: { select: { timeZone: true } },
    },
  });
  const result = emptyPullResult();
  const { answer, reset } = await readTodoistAnswer({ client, syncToken: connection.syncToken });
  if (reset) {
    result.notes.push({
      todoistId: "",
      taskId: null,
      note: "Todoist asked for a full sync again; everything was read anew (nothing is added twice).",
    });
  }
  signal?.throwIfAborted();
  const now = clock.now();
  const { userId } = connection;

  await onProgress?.({ phase: "projects", done: 0, total: answer.projects.length });
  // The steady state (nothing changed) needs no database work before saving the new token.
  const idle = answer.projects.length === 0 && answer.items.length === 0;
  const targets = idle
    ? new Map()
    : await withTransaction(
        db,
        (tx) => applyTodoistProjects({ tx, userId, connectionId, projects: answer.projects, result }),
        { timeoutMs: BATCH_TIMEOUT_MS },
      );
  result.projects = answer.projects.length;
  await onProgress?.({ phase: "projects", done: answer.projects.length, total: answer.projects.length });
  signal?.throwIfAborted();

  const sections = await knownSections({ db, client, connectionId, items: answer.items, sections: answer.sections });
  const completions = await readRecurringCompletions({
    tx: db,
    client,
    connectionId,
    items: answer.items,
    since: connection.completedSince ?? connection.createdAt,
    now,
  });
  const context: PullContext = {
    userId,
    connectionId,
    zone: connection.user.timeZone,
    clock,
    now,
    targets,
    sectionNames: new Map(sections.map((section) => [section.id, section.name])),
    completedInTodoist: completions.completed,
    result,
  };

  const items = answer.items;
  result.tasks = items.length;
  await onProgress?.({ phase: "tasks", done: 0, total: items.length });
  for (let start = 0; start < items.length; start += PULL_BATCH_SIZE) {
    signal?.throwIfAborted();
    const batch = items.slice(start, start + PULL_BATCH_SIZE);
    await withTransaction(
      db,
      async (tx) => {
        const held = bufferedEvents();
        await applyItemBatch({ ...context, tx, events: held }, batch);
        await held.flush(tx, events);
      },
      { timeoutMs: BATCH_TIMEOUT_MS },
    );
    await onProgress?.({ phase: "tasks", done: start + batch.length, total: items.length });
  }
  signal?.throwIfAborted();

  await withTransaction(
    db,
    async (tx) => {
      await resolveParents({ tx, connectionId, items });
      await tx.todoistConnection.update({
        where: { id: connectionId },
        data: {
          syncToken: answer.sync_token,
          ...(completions.readUntil ? { completedSince: completions.readUntil } : {}),
        },
      });
    },
    { timeoutMs: BATCH_TIMEOUT_MS },
  );
  return result;
}

/**
 * The sections items need names for. An incremental answer lists only sections that changed:
 * when a new item, or one moved to another section, names a section it does not list, all
 * sections are read once more (one extra request, only then).
 */
async function knownSections({
  db,
  client,
  connectionId,
  items,
  sections,
}: {
  db: Db;
  client: TodoistClient;
  connectionId: string;
  items: readonly TodoistItem[];
  sections: readonly TodoistSection[];
}): Promise<readonly TodoistSection[]> {
  const listed = new Set(sections.map((section) => section.id));
  const unnamed = items.filter((item) => item.section_id && !item.is_deleted && !listed.has(item.section_id));
  if (unnamed.length === 0) return sections;
  const links = await db.todoistTaskLink.findMany({
    where: { connectionId, todoistId: { in: unnamed.map((item) => item.id) } },
    select: { todoistId: true, synced: true },
  });
  const agreedSection = new Map(
    links.map((link) => [link.todoistId, ZTodoistTaskSnapshot.parse(link.synced).remote.section_id]),
  );
  const needed = unnamed.some((item) => agreedSection.get(item.id) !== item.section_id);
  if (!needed) return sections;
  const all = await client.sync({ syncToken: "*", resourceTypes: ["sections"] });
  return [...sections, ...all.sections.filter((section) => !listed.has(section.id))];
}
