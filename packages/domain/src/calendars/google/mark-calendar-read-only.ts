import type { Db } from "../../shared/db.ts";
import { canWriteEvents, READ_ONLY_ACCESS_ROLE, readOnlyWriteTargetMessage } from "./calendar-access.ts";
import { GoogleCallError } from "./task-event-calendar.ts";

/**
 * Google refused a write to the calendar for lack of access (403 that is not about scopes or
 * quota): its owner made it read-only for this account. Whether the write is even worth
 * retrying is decided here, from the error.
 */
export function isReadOnlyRefusal(error: unknown): boolean {
  return error instanceof GoogleCallError && error.status === 403 && error.reason !== "insufficientPermissions";
}

/**
 * Remembers that a calendar became read-only, so the write-back stops writing to it, and, when
 * it is the person's write target, tells them on its connection (lastError) to choose another.
 * The next calendar-list refresh stores Google's own accessRole.
 */
export async function markCalendarReadOnly({ db, calendarId }: { db: Db; calendarId: string }): Promise<void> {
  const calendar = await db.connectedCalendar.findUnique({
    where: { id: calendarId },
    select: { name: true, accessRole: true, writeTarget: true, connectionId: true },
  });
  if (!calendar) return;
  if (canWriteEvents(calendar.accessRole)) {
    await db.connectedCalendar.update({ where: { id: calendarId }, data: { accessRole: READ_ONLY_ACCESS_ROLE } });
  }
  if (calendar.writeTarget) {
    await db.calendarConnection.updateMany({
      where: { id: calendar.connectionId, status: { not: "needs_reconnect" } },
      data: { lastError: readOnlyWriteTargetMessage(calendar.name) },
    });
  }
}

/** What the connection's lastError says after a successful sync: null, unless its write target is read-only. */
export async function writeTargetProblem(db: Db, connectionId: string): Promise<string | null> {
  const target = await db.connectedCalendar.findFirst({
    where: { connectionId, writeTarget: true },
    select: { name: true, accessRole: true },
  });
  return target && !canWriteEvents(target.accessRole) ? readOnlyWriteTargetMessage(target.name) : null;
}
