import type { JobSender } from "@agendacraft/db/jobs";
import type { Prisma } from "@agendacraft/db/prisma";
import type { calendar_v3 } from "@googleapis/calendar";
import {
  noteGoogleChangeIgnored,
  rescheduleTaskFromCalendar,
  unscheduleTaskFromCalendar,
} from "../../scheduler/calendar-changes/index.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { GoogleConflictResolved } from "../events.ts";
import { applyOwnEventRename } from "./apply-own-event-rename.ts";
import { desiredTaskEvents } from "./desired-task-events.ts";
import { requestTaskWrites } from "./write-task-job.ts";

type Span = { start: Date; end: Date };

/**
 * What the busy-time sync calls with AgendaCraft's own events it saw in a calendar (those
 * carrying `extendedProperties.private.agendacraftTaskId`): an event the person moved or
 * resized in Google moves its task there and pins it; one they deleted unschedules the task;
 * one they renamed renames the task.
 * When the task's time was also changed in AgendaCraft since it was written, the later change
 * wins (Google's `updated` against the task's last change) and GoogleConflictResolved says
 * whose (and the task's history says it to the person); when AgendaCraft's wins, the task's
 * write job puts the event back.
 * Our own writes echoing back (their `updated` is not newer than the one we stored, or their
 * times are what we wrote) change nothing. Resolves with the number of tasks moved, renamed or unscheduled.
 */
export async function applyOwnEventChanges({
  db,
  jobs,
  events,
  clock,
  userId,
  calendarId,
  ownEvents,
}: {
  db: Db;
  jobs: JobSender;
  events: EventRecorder;
  /** When the task's history says a change happened. */
  clock: Clock;
  userId: string;
  /** The ConnectedCalendar (our id) the events were read from. */
  calendarId: string;
  ownEvents: readonly calendar_v3.Schema$Event[];
}): Promise<number> {
  let moved = 0;
  for (const event of ownEvents) {
    // One transaction per event: the task is locked while its change is decided and made.
    const changed = await withTransaction(db, (tx) => applyOne({ tx, jobs, events, clock, userId, calendarId, event }));
    if (changed) moved += 1;
  }
  return moved;
}

async function applyOne({
  tx,
  jobs,
  events,
  clock,
  userId,
  calendarId,
  event,
}: {
  tx: Prisma.TransactionClient;
  jobs: JobSender;
  events: EventRecorder;
  clock: Clock;
  userId: string;
  calendarId: string;
  event: calendar_v3.Schema$Event;
}): Promise<boolean> {
  if (!event.id) return false;
  const deleted = event.status === "cancelled";
  // A deleted event comes with its id only: it was deleted by the time we saw it. Compared with
  // the task's updatedAt, which is wall time too (not the injected clock).
  const updated = event.updated ? new Date(event.updated) : deleted ? new Date() : null;
  if (!updated) return false;
  const row = await tx.taskCalendarEvent.findFirst({ where: { userId, calendarId, externalEventId: event.id } });
  if (!row || (row.googleUpdated && updated.getTime() <= row.googleUpdated.getTime())) return false;

  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM tasks WHERE id = ${row.taskId}::uuid AND "userId" = ${userId}::uuid FOR UPDATE`;
  // A deleted task's write job deletes the event; nothing to take from it.
  if (locked.length === 0) return false;
  const task = await tx.task.findUniqueOrThrow({
    where: { id: row.taskId },
    select: {
      summary: true,
      startTime: true,
      endTime: true,
      minutes: true,
      completedAt: true,
      version: true,
      updatedAt: true,
      blocks: { select: { start: true, end: true } },
    },
  });
  const inGoogle = deleted ? null : timedSpan(event);
  const ours = desiredTaskEvents(task).find((each) => each.blockIndex === row.blockIndex);
  if (deleted && !ours) {
    // AgendaCraft no longer wants this event either (our own delete, seen before its row went).
    await tx.taskCalendarEvent.delete({ where: { id: row.id } });
    return false;
  }
  // A new title in Google renames the task (apply-own-event-rename.ts); a move is judged apart.
  const renamed =
    !deleted && (await applyOwnEventRename({ tx, jobs, events, clock, userId, row, task, event, updated }));
  const notAMove = !deleted && (!inGoogle || sameSpan(inGoogle, row) || (ours && sameSpan(inGoogle, ours)));
  if (notAMove) {
    // An all-day switch, or our own write seen early: remember Google's state, keep the task's time.
    await tx.taskCalendarEvent.update({
      where: { id: row.id },
      data: { googleUpdated: updated, ...(inGoogle ?? {}) },
    });
    return renamed;
  }

  // Did AgendaCraft also move the task since the event was written? Then the later change wins.
  const changedHere = task.version !== row.taskVersion && (!ours || !sameSpan(ours, row));
  const googleWins = !changedHere || updated.getTime() > task.updatedAt.getTime();
  const change = deleted ? "deleted" : "moved";

  if (googleWins && inGoogle) {
    const rescheduled = await rescheduleTaskFromCalendar({
      db: tx,
      actorId: userId,
      input: { id: row.taskId, blockIndex: row.blockIndex, ...inGoogle },
      events,
      clock,
      wonConflict: changedHere,
    });
    await tx.taskCalendarEvent.update({
      where: { id: row.id },
      data: { ...inGoogle, googleUpdated: updated, taskVersion: rescheduled.version },
    });
  } else if (googleWins) {
    await unscheduleTaskFromCalendar({
      db: tx,
      actorId: userId,
      id: row.taskId,
      events,
      clock,
      wonConflict: changedHere,
    });
    await tx.taskCalendarEvent.delete({ where: { id: row.id } });
  } else {
    if (inGoogle) {
      // AgendaCraft's time stands: note where Google has it, so the write job moves it back.
      await tx.taskCalendarEvent.update({ where: { id: row.id }, data: { ...inGoogle, googleUpdated: updated } });
    } else {
      // Without a row the write job inserts it again (and, its id being taken, restores it).
      await tx.taskCalendarEvent.delete({ where: { id: row.id } });
    }
    await requestTaskWrites({ tx, jobs, userId, taskIds: [row.taskId] });
    await noteGoogleChangeIgnored({ db: tx, actorId: userId, id: row.taskId, clock, google: inGoogle });
  }

  if (changedHere) {
    const version = googleWins
      ? (await tx.task.findUniqueOrThrow({ where: { id: row.taskId }, select: { version: true } })).version
      : task.version;
    await events.record(tx, [
      newEvent(GoogleConflictResolved, {
        userId,
        aggregateId: row.taskId,
        version,
        payload: {
          change,
          winner: googleWins ? "google" : "agendacraft",
          googleUpdated: updated.toISOString(),
          taskUpdated: task.updatedAt.toISOString(),
        },
      }),
    ]);
  }
  return googleWins || renamed;
}

/** A timed event's span; null for an all-day one (`date` only) or one without a usable span. */
function timedSpan(event: calendar_v3.Schema$Event): Span | null {
  const start = event.start?.dateTime ? new Date(event.start.dateTime) : null;
  const end = event.end?.dateTime ? new Date(event.end.dateTime) : null;
  if (!start || !end || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  return end > start ? { start, end } : null;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();
}
