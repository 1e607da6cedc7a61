import type { Db } from "../../shared/db.ts";
import type { CalendarConnectionDto } from "../schemas.ts";
import { connectedCalendarSelect, toConnectedCalendarDto } from "./connected-calendar.select.ts";

/**
 * Every calendar connection of the actor, Google accounts first (oldest first), then the
 * iCal feeds, each shown as a connection with its one calendar (busy, never a write target).
 * Few per person (feeds are capped, accounts are added by hand), so no paging.
 */
export async function listConnections({ db, actorId }: { db: Db; actorId: string }): Promise<CalendarConnectionDto[]> {
  const [connections, feeds] = await Promise.all([
    db.calendarConnection.findMany({
      where: { userId: actorId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        email: true,
        status: true,
        lastSyncedAt: true,
        lastError: true,
        // Primary first, then by name: the order Google's own list shows.
        calendars: { orderBy: [{ primary: "desc" }, { name: "asc" }], select: connectedCalendarSelect },
      },
    }),
    db.calendarFeed.findMany({
      where: { userId: actorId },
      orderBy: { id: "asc" },
      select: { id: true, name: true, lastSyncedAt: true, lastError: true },
    }),
  ]);
  return [
    ...connections.map((connection) => ({
      ...connection,
      kind: "google" as const,
      calendars: connection.calendars.map(toConnectedCalendarDto),
    })),
    ...feeds.map((feed) => ({
      id: feed.id,
      kind: "ical" as const,
      name: feed.name,
      email: null,
      status: feed.lastError ? ("error" as const) : ("ok" as const),
      lastSyncedAt: feed.lastSyncedAt,
      lastError: feed.lastError,
      calendars: [
        {
          id: feed.id,
          externalId: feed.id,
          name: feed.name,
          color: null,
          busy: true,
          allDayBusy: true,
          writeTarget: false,
          readOnly: true,
        },
      ],
    })),
  ];
}
