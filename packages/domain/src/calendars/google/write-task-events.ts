import type { calendar_v3 } from "@googleapis/calendar";
import type { Db } from "../../shared/db.ts";
import { canWriteEvents } from "./calendar-access.ts";
import { type DesiredTaskEvent, desiredTaskEvents } from "./desired-task-events.ts";
import { createCalendarApi } from "./google-clients.ts";
import type { GoogleConfig } from "./google-config.ts";
import { isReadOnlyRefusal, markCalendarReadOnly } from "./mark-calendar-read-only.ts";
import {
  GoogleCallError,
  type TaskEventCalendar,
  taskEventCalendar,
  type WrittenEvent,
} from "./task-event-calendar.ts";
import { taskEventId } from "./task-event-id.ts";

/** A valid access token for a connection (get-access-token.ts refreshes it under a lock when needed). */
export type AccessTokenSource = (connectionId: string) => Promise<string>;

export type WriteTaskEventsResult = { written: number; deleted: number; unchanged: number };

type StoredRow = {
  id: string;
  calendarId: string;
  blockIndex: number;
  externalEventId: string;
  start: Date;
  end: Date;
  summary: string;
  taskVersion: number;
  calendar: { externalId: string; connectionId: string; accessRole: string; connection: { status: string } };
};

const calendarSelect = {
  externalId: true,
  connectionId: true,
  accessRole: true,
  connection: { select: { status: true } },
} as const;

/**
 * Makes the person's write-target calendar show the task as it is now: one event per block,
 * none when the task is gone, unscheduled, or the person has no write target. Compares with
 * what was last written (task_calendar_events) and inserts, updates or deletes only the
 * difference, so running it again changes nothing. Events left in a calendar that is no longer
 * the write target are deleted. A connection that needs reconnecting gets no calls at all.
 * No transaction is held across Google's calls: each row is written after its call succeeded.
 * A calendar that is read-only for us gets no calls either; one that Google newly refuses (403)
 * is marked read-only (markCalendarReadOnly tells the person) and the run ends without a retry.
 */
export async function writeTaskEvents({
  db,
  google,
  accessToken,
  userId,
  taskId,
}: {
  db: Db;
  google: GoogleConfig;
  accessToken: AccessTokenSource;
  userId: string;
  taskId: string;
}): Promise<WriteTaskEventsResult> {
  const task = await db.task.findFirst({
    where: { id: taskId, userId },
    select: {
      summary: true,
      startTime: true,
      endTime: true,
      minutes: true,
      completedAt: true,
      version: true,
      blocks: { select: { start: true, end: true } },
    },
  });
  const target = await db.connectedCalendar.findFirst({
    where: { userId, writeTarget: true, connection: { kind: "google" } },
    select: { id: true, ...calendarSelect },
  });
  const rows: StoredRow[] = await db.taskCalendarEvent.findMany({
    where: { userId, taskId },
    select: {
      id: true,
      calendarId: true,
      blockIndex: true,
      externalEventId: true,
      start: true,
      end: true,
      summary: true,
      taskVersion: true,
      calendar: { select: calendarSelect },
    },
  });
  const desired = task && target ? desiredTaskEvents(task) : [];
  const calendars = calendarsByConnection({ google, accessToken });
  const result: WriteTaskEventsResult = { written: 0, deleted: 0, unchanged: 0 };

  // Events nobody wants any more: the task's extra blocks, or a former write target's.
  for (const row of rows) {
    const wanted = row.calendarId === target?.id && desired.some((event) => event.blockIndex === row.blockIndex);
    if (wanted || !usable(row.calendar)) continue;
    const calendar = await calendars.get(row.calendar);
    try {
      await calendar.remove(row.externalEventId);
    } catch (error) {
      if (!isReadOnlyRefusal(error)) throw error;
      // The event stays in a calendar we may no longer change; forget it rather than retry forever.
      await markCalendarReadOnly({ db, calendarId: row.calendarId });
    }
    await db.taskCalendarEvent.deleteMany({ where: { id: row.id } });
    result.deleted += 1;
  }

  if (!task || !target || !usable(target)) return result;
  try {
    await writeDesired({ db, calendars, userId, taskId, task, target, rows, desired, result });
  } catch (error) {
    if (!isReadOnlyRefusal(error)) throw error;
    await markCalendarReadOnly({ db, calendarId: target.id });
  }
  return result;
}

async function writeDesired({
  db,
  calendars,
  userId,
  taskId,
  task,
  target,
  rows,
  desired,
  result,
}: {
  db: Db;
  calendars: ReturnType<typeof calendarsByConnection>;
  userId: string;
  taskId: string;
  task: { version: number };
  target: { id: string; externalId: string; connectionId: string };
  rows: readonly StoredRow[];
  desired: readonly DesiredTaskEvent[];
  result: WriteTaskEventsResult;
}): Promise<void> {
  for (const event of desired) {
    const row = rows.find((each) => each.calendarId === target.id && each.blockIndex === event.blockIndex);
    const eventId = taskEventId(taskId, event.blockIndex);
    if (row && row.externalEventId === eventId && sameEvent(row, event)) {
      // Google already shows it; remember the version it stands for (the next sync compares it).
      if (row.taskVersion !== task.version) {
        await db.taskCalendarEvent.updateMany({ where: { id: row.id }, data: { taskVersion: task.version } });
      }
      result.unchanged += 1;
      continue;
    }
    const calendar = await calendars.get(target);
    const written = row
      ? await patchOrPut(calendar, taskId, eventId, event)
      : await calendar.put(taskId, eventId, event);
    await rememberWritten({
      db,
      userId,
      calendarId: target.id,
      taskId,
      eventId,
      event,
      version: task.version,
      written,
    });
    result.written += 1;
  }
}

function usable(calendar: { accessRole: string; connection: { status: string } }): boolean {
  // A connection waiting for its person to reconnect gets no calls (no retry storm), and
  // Google refuses every change in a calendar that is read-only for us.
  return calendar.connection.status !== "needs_reconnect" && canWriteEvents(calendar.accessRole);
}

function sameEvent(row: StoredRow, event: DesiredTaskEvent): boolean {
  return (
    row.start.getTime() === event.start.getTime() &&
    row.end.getTime() === event.end.getTime() &&
    row.summary === event.summary
  );
}

async function patchOrPut(calendar: TaskEventCalendar, taskId: string, eventId: string, event: DesiredTaskEvent) {
  try {
    return await calendar.patch(taskId, eventId, event);
  } catch (error) {
    // Our row outlived the event (the calendar was emptied): make it again.
    if (error instanceof GoogleCallError && error.status === 404) return calendar.put(taskId, eventId, event);
    throw error;
  }
}

async function rememberWritten({
  db,
  userId,
  calendarId,
  taskId,
  eventId,
  event,
  version,
  written,
}: {
  db: Db;
  userId: string;
  calendarId: string;
  taskId: string;
  eventId: string;
  event: DesiredTaskEvent;
  version: number;
  written: WrittenEvent;
}) {
  const fields = {
    externalEventId: eventId,
    start: event.start,
    end: event.end,
    summary: event.summary,
    taskVersion: version,
    googleUpdated: written.updated,
  };
  await db.taskCalendarEvent.upsert({
    where: { calendarId_taskId_blockIndex: { calendarId, taskId, blockIndex: event.blockIndex } },
    create: { userId, calendarId, taskId, blockIndex: event.blockIndex, ...fields },
    update: fields,
  });
}

/** One Calendar client per connection for the whole run, made when first needed. */
function calendarsByConnection({ google, accessToken }: { google: GoogleConfig; accessToken: AccessTokenSource }) {
  const apis = new Map<string, Promise<calendar_v3.Calendar>>();
  return {
    async get(calendar: { externalId: string; connectionId: string }): Promise<TaskEventCalendar> {
      let api = apis.get(calendar.connectionId);
      if (!api) {
        api = accessToken(calendar.connectionId).then((token) => createCalendarApi(google, token));
        apis.set(calendar.connectionId, api);
      }
      return taskEventCalendar(await api, calendar.externalId);
    },
  };
}
