import type { JobSender } from "@agendacraft/db/jobs";
import type { Prisma } from "@agendacraft/db/prisma";
import type { calendar_v3 } from "@googleapis/calendar";
import { noteGoogleChangeIgnored, renameTaskFromCalendar } from "../../scheduler/calendar-changes/index.ts";
import type { Clock } from "../../shared/clock.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { GoogleConflictResolved } from "../events.ts";
import { COMPLETED_PREFIX } from "./desired-task-events.ts";
import { requestTaskWrites } from "./write-task-job.ts";

/** The title a task stands for, without the done mark we add (a person removing or keeping it is no rename). */
export function taskTitleOf(eventSummary: string): string {
  const title = eventSummary.startsWith(COMPLETED_PREFIX) ? eventSummary.slice(COMPLETED_PREFIX.length) : eventSummary;
  return title.trim();
}

/**
 * One of our events, seen newer in Google, whose title is not the one we wrote: the person
 * renamed it there. The task takes the new title, unless it was renamed in AgendaCraft too
 * since that write and later than Google's `updated` (the same later-wins rule as moves, with
 * GoogleConflictResolved saying whose); then the write job puts our title back. Runs in
 * applyOwnEventChanges' transaction with the task locked. Resolves true when the task was renamed.
 */
export async function applyOwnEventRename({
  tx,
  jobs,
  events,
  clock,
  userId,
  row,
  task,
  event,
  updated,
}: {
  tx: Prisma.TransactionClient;
  jobs: JobSender;
  events: EventRecorder;
  /** When the task's history says it happened. */
  clock: Clock;
  userId: string;
  row: { id: string; taskId: string; summary: string; taskVersion: number };
  task: { summary: string; version: number; updatedAt: Date };
  event: calendar_v3.Schema$Event;
  updated: Date;
}): Promise<boolean> {
  const inGoogle = taskTitleOf(event.summary ?? "");
  const written = taskTitleOf(row.summary);
  // No title in Google (a task needs one) or the one we wrote: nothing to take.
  if (inGoogle === "" || inGoogle === written) return false;

  const changedHere = task.version !== row.taskVersion && task.summary !== written;
  const googleWins = !changedHere || updated.getTime() > task.updatedAt.getTime();
  // Remember Google's title either way: the write job compares with it (and rewrites ours when we won).
  await tx.taskCalendarEvent.update({ where: { id: row.id }, data: { summary: event.summary ?? "" } });
  let version = task.version;
  if (googleWins && inGoogle !== task.summary) {
    const renamed = await renameTaskFromCalendar({
      db: tx,
      actorId: userId,
      id: row.taskId,
      summary: inGoogle,
      events,
      clock,
      wonConflict: changedHere,
    });
    version = renamed.version;
  } else if (!googleWins) {
    await requestTaskWrites({ tx, jobs, userId, taskIds: [row.taskId] });
    await noteGoogleChangeIgnored({
      db: tx,
      actorId: userId,
      id: row.taskId,
      clock,
      google: null,
      renamedTo: inGoogle,
    });
  }
  if (changedHere) {
    await events.record(tx, [
      newEvent(GoogleConflictResolved, {
        userId,
        aggregateId: row.taskId,
        version,
        payload: {
          change: "renamed",
          winner: googleWins ? "google" : "agendacraft",
          googleUpdated: updated.toISOString(),
          taskUpdated: task.updatedAt.toISOString(),
        },
      }),
    ]);
  }
  return googleWins && inGoogle !== task.summary;
}
