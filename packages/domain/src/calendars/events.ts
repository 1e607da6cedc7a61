import { z } from "zod";
import { defineEventType, type NewEvent, newEvent } from "../shared/events/event-type.ts";

/** The busy time of a person's calendar changed (a feed added, synced with changes, or removed; aggregate: the feed). */
export const CalendarBusyChanged = defineEventType(
  "calendars.busy_changed",
  z.object({ change: z.enum(["added", "synced", "removed"]) }),
);

/** Feeds carry no version column: their events record 0. */
export function busyChanged(
  userId: string,
  feedId: string,
  change: "added" | "synced" | "removed",
): NewEvent<typeof CalendarBusyChanged> {
  return newEvent(CalendarBusyChanged, { userId, aggregateId: feedId, version: 0, payload: { change } });
}

/**
 * Google refused a connection's refresh token (`invalid_grant`); the connection now needs
 * reconnecting (aggregate: the connection). The notifier tells the person once per occurrence.
 */
export const CalendarConnectionNeedsReconnect = defineEventType(
  "calendars.connection_needs_reconnect",
  z.object({ email: z.string() }),
);

/**
 * A task's event was changed in Google Calendar while the task was also changed in AgendaCraft
 * since it was last written (aggregate: the task, with its version). The later change won:
 * `winner` says whose, and the task's history keeps it.
 */
export const GoogleConflictResolved = defineEventType(
  "calendars.google_conflict_resolved",
  z.object({
    change: z.enum(["moved", "deleted", "renamed"]),
    winner: z.enum(["google", "agendacraft"]),
    /** When the event was changed in Google (its `updated`). */
    googleUpdated: z.iso.datetime(),
    /** When the task was last changed in AgendaCraft. */
    taskUpdated: z.iso.datetime(),
  }),
);

/**
 * Where plans are written changed (aggregate: the calendar or, when reconnected, the connection):
 * a calendar became the write target or stopped being one, or a connection came back after
 * needing a reconnect. The write-back then brings every scheduled task's events in line.
 */
export const CalendarWriteTargetChanged = defineEventType(
  "calendars.write_target_changed",
  z.object({ change: z.enum(["chosen", "cleared", "reconnected"]) }),
);

/** Calendars and connections carry no version column in their events: 0. */
export function writeTargetChanged(
  userId: string,
  aggregateId: string,
  change: "chosen" | "cleared" | "reconnected",
): NewEvent<typeof CalendarWriteTargetChanged> {
  return newEvent(CalendarWriteTargetChanged, { userId, aggregateId, version: 0, payload: { change } });
}
