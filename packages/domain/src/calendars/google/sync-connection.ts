import type { calendar_v3 } from "@googleapis/calendar";
import { getUserTimeZone } from "../../iam/index.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { isDomainError } from "../../shared/errors.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { connectionNotFound } from "../calendars-errors.ts";
import { busyChanged } from "../events.ts";
import { SYNC_FUTURE_DAYS, SYNC_PAST_DAYS } from "../schemas.ts";
import { getAccessToken } from "./get-access-token.ts";
import { isQuotaFailure, readGoogleFailure } from "./google-api-error.ts";
import { createCalendarApi } from "./google-clients.ts";
import type { GoogleConfig } from "./google-config.ts";
import { listCalendarChanges } from "./list-calendar-changes.ts";
import { maintainPushChannels } from "./maintain-push-channels.ts";
import { writeTargetProblem } from "./mark-calendar-read-only.ts";
import { type GoogleEvent, readGoogleEvent } from "./read-google-event.ts";
import { type EventChange, storeCalendarChanges } from "./store-calendar-changes.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Called with the AgendaCraft events a sync saw in one calendar (those carrying
 * agendacraftTaskId, and cancellations of events written for tasks, which Google sends
 * without their properties), before the calendar's sync token moves on: the write-back
 * moves or unschedules their tasks. Resolves with how many tasks it moved.
 */
export type OnOwnEvents = (input: {
  userId: string;
  /** Our ConnectedCalendar id. */
  calendarId: string;
  ownEvents: readonly GoogleEvent[];
}) => Promise<number>;

export type SyncConnectionResult = {
  status: "ok" | "syncing" | "needs_reconnect" | "error";
  /** Busy events added, changed or removed, plus tasks moved by changes made in Google. */
  changed: number;
  /** Set when the sync failed and asking again later may help (quota, network, Google's 5xx). */
  retry?: { afterSeconds: number | undefined; quota: boolean };
};

export type SyncConnectionDeps = {
  db: Db;
  google: GoogleConfig;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  onOwnEvents?: OnOwnEvents;
  /** Aborts the Google calls (a request's deadline, a job's expiry): the sync stops where it was. */
  signal?: AbortSignal;
};

type SyncedCalendar = { id: string; externalId: string; busy: boolean; allDayBusy: boolean };

/**
 * Reads one Google connection's calendars that count as busy, and the write target (for
 * changes to AgendaCraft's own events), into calendar_events with the busy rules applied.
 * Incremental with each calendar's sync token; a 410 Gone lists the calendar fully again.
 * The connection is `syncing` while it runs, then `ok` (lastSyncedAt) or `error` (lastError
 * in words); a `needs_reconnect` connection is not synced and answers that status. Records
 * CalendarBusyChanged when busy time changed, so auto-replan reacts. Calendars finished
 * before a failure keep their progress. With `actorId`, only the actor's connection is found.
 */
export async function syncConnection({
  connectionId,
  actorId,
  ...deps
}: SyncConnectionDeps & { connectionId: string; actorId?: string }): Promise<SyncConnectionResult> {
  const { db, clock } = deps;
  const connection = await db.calendarConnection.findFirst({
    where: { id: connectionId, ...(actorId ? { userId: actorId } : {}) },
    select: { id: true, userId: true, status: true },
  });
  if (!connection) throw connectionNotFound();
  if (connection.status === "needs_reconnect") return { status: "needs_reconnect", changed: 0 };
  const where = { id: connection.id, status: { not: "needs_reconnect" as const } };
  await db.calendarConnection.updateMany({ where, data: { status: "syncing" } });

  let changed = 0;
  const syncCalendars = async (accessToken: string) => {
    const api = createCalendarApi(deps.google, accessToken);
    const timeZone = await getUserTimeZone({ db, actorId: connection.userId });
    const calendars = await db.connectedCalendar.findMany({
      where: { connectionId: connection.id, userId: connection.userId, OR: [{ busy: true }, { writeTarget: true }] },
      orderBy: { id: "asc" },
      select: { id: true, externalId: true, busy: true, allDayBusy: true },
    });
    for (const calendar of calendars) {
      changed += await syncCalendar({ ...deps, api, userId: connection.userId, connectionId, calendar, timeZone });
    }
    await maintainPushChannels({ ...deps, api, connectionId: connection.id, syncedIds: calendars.map((c) => c.id) });
  };
  try {
    const accessToken = await getAccessToken({ ...deps, connectionId: connection.id });
    try {
      await syncCalendars(accessToken);
    } catch (error) {
      if (readGoogleFailure(error).status !== 401) throw error;
      // Google refused a token that had not expired (access removed in the Google account, or
      // reset): one refresh tells which; a revoked grant ends in needs_reconnect right there.
      await syncCalendars(await getAccessToken({ ...deps, connectionId: connection.id, rejectedToken: accessToken }));
    }
  } catch (error) {
    return recordFailure({ db, where, error, changed, signal: deps.signal });
  }
  await db.calendarConnection.updateMany({
    where,
    // A read-only write target is still worth saying after a good sync: plans are not written.
    data: { status: "ok", lastSyncedAt: clock.now(), lastError: await writeTargetProblem(db, connection.id) },
  });
  return { status: "ok", changed };
}

async function syncCalendar({
  db,
  clock,
  events,
  onOwnEvents,
  signal,
  api,
  userId,
  connectionId,
  calendar,
  timeZone,
}: SyncConnectionDeps & {
  api: calendar_v3.Calendar;
  userId: string;
  connectionId: string;
  calendar: SyncedCalendar;
  timeZone: string;
}): Promise<number> {
  const stored = await db.connectedCalendar.findUniqueOrThrow({
    where: { id: calendar.id },
    select: { syncToken: true },
  });
  const now = clock.now().getTime();
  const window = { from: new Date(now - SYNC_PAST_DAYS * DAY_MS), to: new Date(now + SYNC_FUTURE_DAYS * DAY_MS) };
  const listed = await listCalendarChanges({
    api,
    calendarId: calendar.externalId,
    syncToken: stored.syncToken,
    window,
    ...(signal ? { signal } : {}),
  });

  // Cancelled events come without their properties: ours are known by the ids we wrote.
  const written = await db.taskCalendarEvent.findMany({
    where: { userId, calendarId: calendar.id },
    select: { externalEventId: true },
  });
  const writtenIds = new Set(written.map((row) => row.externalEventId));
  const ownEvents: GoogleEvent[] = [];
  const changes: EventChange[] = [];
  for (const event of listed.events) {
    if (!event.id) continue;
    const reading = readGoogleEvent(event, { allDayBusy: calendar.allDayBusy, timeZone });
    if (reading.kind === "own" || (reading.kind === "removed" && writtenIds.has(event.id))) {
      ownEvents.push(event);
      continue;
    }
    const inWindow = reading.kind === "event" && reading.end > window.from && reading.start < window.to;
    changes.push({
      externalId: event.id,
      reading: inWindow ? { ...reading, updated: event.updated ? new Date(event.updated) : clock.now() } : null,
    });
  }

  // Before the token moves on: a failure here lists the same changes again next time.
  const moved =
    ownEvents.length > 0 && onOwnEvents ? await onOwnEvents({ userId, calendarId: calendar.id, ownEvents }) : 0;
  const busyChanges = await withTransaction(db, async (tx) => {
    const count = await storeCalendarChanges(tx, {
      userId,
      calendar,
      full: listed.full,
      changes,
      windowStart: window.from,
    });
    await tx.connectedCalendar.update({
      where: { id: calendar.id },
      data: { syncToken: listed.nextSyncToken, lastSyncedAt: clock.now() },
    });
    if (count > 0) await events.record(tx, [busyChanged(userId, connectionId, "synced")]);
    return count;
  });
  return busyChanges + moved;
}

async function recordFailure({
  db,
  where,
  error,
  changed,
  signal,
}: {
  db: Db;
  where: { id: string };
  error: unknown;
  changed: number;
  signal: AbortSignal | undefined;
}): Promise<SyncConnectionResult> {
  // Google refused the grant: getAccessToken marked the connection; only reconnecting helps.
  if (isDomainError(error) && error.code === "calendars.needs_reconnect") return { status: "needs_reconnect", changed };
  // Out of time (Sync now's deadline): the connection stays `syncing` for the job that carries on.
  if (signal?.aborted) return { status: "syncing", changed };
  const failure = readGoogleFailure(error);
  const quota = isQuotaFailure(failure);
  const retryable = quota || failure.status === undefined || failure.status >= 500;
  await db.calendarConnection.updateMany({
    where: { ...where, status: { not: "needs_reconnect" } },
    data: { status: "error", lastError: describeFailure(error, failure.status, quota) },
  });
  return {
    status: "error",
    changed,
    ...(retryable ? { retry: { afterSeconds: failure.retryAfterSeconds, quota } } : {}),
  };
}

/** In words a person can act on; never Google's raw text (it may quote ids or tokens). */
function describeFailure(error: unknown, status: number | undefined, quota: boolean): string {
  if (isDomainError(error)) return error.message;
  if (quota) return "Google Calendar asked AgendaCraft to slow down; the sync tries again in a moment.";
  if (status === 401 || status === 403) {
    return "Google refused access to a calendar of this account. Reconnect it if this goes on.";
  }
  if (status === 404) return "A calendar of this account no longer exists in Google. Refresh the account's calendars.";
  if (status !== undefined) return `Google Calendar answered with an error (${status}); the sync tries again later.`;
  return "Google Calendar could not be reached; the sync tries again later.";
}
