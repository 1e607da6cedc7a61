import type { Db } from "../../shared/db.ts";
import type { WarningLog } from "../../shared/log.ts";
import { overlapsAny } from "./overlaps-any.ts";
import { readBusySpans } from "./read-busy-spans.ts";
import { readTasksInGoogle } from "./read-tasks-in-google.ts";
import { type AgendaDto, type AgendaEntryDto, type AgendaInput, MAX_AGENDA_ENTRIES } from "./schemas.ts";
import { BLOCK_IN_RANGE, TASK_DATES_IN_RANGE, warnAboutSkippedTasks } from "./task-dates-in-range.ts";

const overlaps = (span: { start: Date; end: Date }, input: AgendaInput) =>
  span.start < input.to && span.end > input.from;

/**
 * What occupies the actor's time in [from, to): every task with a start time, done or
 * not, as one entry, except a task the planner split, which appears as its parts, and
 * the time plans reserved for later occurrences of open repeating tasks (`occurrenceIndex`). An
 * open task the planner placed that a calendar event now overlaps is a `conflict`; a task
 * written to the person's Google calendar is `syncedToGoogle`. Parts
 * keep their number among all the task's parts even when some fall outside the range.
 * Tasks with a date outside the supported range are skipped (and, with `log`, named in a warning).
 * At most MAX_AGENDA_ENTRIES, the earliest, so one call stays small at any account size.
 */
export async function listAgenda({
  db,
  actorId,
  input,
  log,
}: {
  db: Db;
  actorId: string;
  input: AgendaInput;
  log?: WarningLog;
}): Promise<AgendaDto> {
  const scheduled = { startTime: { not: null } } as const;
  const [tasks, occurrenceBlocks, busy] = await Promise.all([
    db.task.findMany({
      // A task's span (first part to last) covers its parts, so it overlaps whenever one does.
      where: {
        AND: [{ userId: actorId, startTime: { lt: input.to }, endTime: { gt: input.from } }, TASK_DATES_IN_RANGE],
      },
      orderBy: [{ startTime: "asc" }, { id: "asc" }],
      take: MAX_AGENDA_ENTRIES + 1,
      select: {
        id: true,
        summary: true,
        priority: true,
        projectId: true,
        completedAt: true,
        startTime: true,
        endTime: true,
        plannedStart: true,
        blocks: { where: BLOCK_IN_RANGE, select: { start: true, end: true }, orderBy: { start: "asc" } },
      },
    }),
    db.occurrenceBlock.findMany({
      where: { userId: actorId, start: { lt: input.to }, end: { gt: input.from }, task: { completedAt: null } },
      orderBy: [{ start: "asc" }, { id: "asc" }],
      take: MAX_AGENDA_ENTRIES + 1,
      select: {
        start: true,
        end: true,
        occurrenceIndex: true,
        task: { select: { id: true, summary: true, priority: true, projectId: true } },
      },
    }),
    readBusySpans({ db, actorId, from: input.from, to: input.to }),
    log ? warnAboutSkippedTasks({ db, actorId, log, where: scheduled, reading: "tasks.agenda" }) : undefined,
  ]);

  const synced = await readTasksInGoogle({ db, actorId, taskIds: tasks.map((task) => task.id) });
  const entries = tasks.flatMap((task): AgendaEntryDto[] => {
    // Only the planner's own placements (the next plan moves them) count as conflicts; a
    // time the person chose over a meeting is their call.
    const plannersOwn =
      task.completedAt === null &&
      task.plannedStart !== null &&
      task.plannedStart.getTime() === task.startTime?.getTime();
    const common = {
      taskId: task.id,
      summary: task.summary,
      priority: task.priority,
      completed: task.completedAt !== null,
      projectId: task.projectId,
      syncedToGoogle: synced.has(task.id),
    };
    const spans =
      task.blocks.length > 0
        ? task.blocks
        : task.startTime && task.endTime
          ? [{ start: task.startTime, end: task.endTime }]
          : [];
    return spans
      .map((span, index) => ({
        ...common,
        start: span.start,
        end: span.end,
        part: index + 1,
        partCount: spans.length,
        conflict: plannersOwn && overlapsAny(busy, span.start, span.end),
      }))
      .filter((entry) => overlaps(entry, input));
  });
  // Time reserved for later occurrences of repeating tasks, each under the task's name.
  for (const block of occurrenceBlocks) {
    entries.push({
      taskId: block.task.id,
      summary: block.task.summary,
      priority: block.task.priority,
      completed: false,
      projectId: block.task.projectId,
      start: block.start,
      end: block.end,
      part: 1,
      partCount: 1,
      // Reserved time stays put (plans go around it), so a calendar event over it moves nothing.
      conflict: false,
      // Only a task's own time is written to Google, not time kept for later occurrences.
      syncedToGoogle: false,
      occurrenceIndex: block.occurrenceIndex,
    });
  }
  entries.sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() ||
      a.taskId.localeCompare(b.taskId) ||
      (a.occurrenceIndex ?? 0) - (b.occurrenceIndex ?? 0),
  );
  // Tasks left unread start at or after the first of them, and so do all their parts:
  // the entries before it are complete (likewise for occurrence blocks left unread).
  const unread = [tasks[MAX_AGENDA_ENTRIES]?.startTime, occurrenceBlocks[MAX_AGENDA_ENTRIES]?.start].filter(
    (start): start is Date => start instanceof Date,
  );
  const firstUnread = unread.length > 0 ? new Date(Math.min(...unread.map((start) => start.getTime()))) : undefined;
  const complete = firstUnread ? entries.filter((entry) => entry.start < firstUnread) : entries;
  if (!firstUnread && complete.length <= MAX_AGENDA_ENTRIES) return { entries: complete };
  return { entries: complete.slice(0, MAX_AGENDA_ENTRIES), truncated: true };
}
