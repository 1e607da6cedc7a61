import type { Prisma } from "@agendacraft/db/prisma";
import type { GoogleEventReading } from "./read-google-event.ts";

type Reading = Extract<GoogleEventReading, { kind: "event" }> & { updated: Date };

/** One event of a list from Google, after the busy rules; null: it is gone (or outside the window). */
export type EventChange = { externalId: string; reading: Reading | null };

type Stored = {
  id: string;
  externalId: string;
  summary: string;
  start: Date;
  end: Date;
  allDay: boolean;
  busy: boolean;
};

const storedSelect = {
  id: true,
  externalId: true,
  summary: true,
  start: true,
  end: true,
  allDay: true,
  busy: true,
} satisfies Prisma.CalendarEventSelect;

/**
 * Writes one calendar's changes into calendar_events, inside the caller's transaction.
 * Rows are keyed by Google's event id (unique per calendar), so a list seen twice, or a
 * full list after a 410, never duplicates. A full list replaces the calendar's events:
 * what it does not name is deleted. Events that ended before the window are pruned.
 * Resolves with the number of busy events added, changed or removed (an event counts
 * when it was busy or is now; none when the calendar does not count as busy).
 */
export async function storeCalendarChanges(
  tx: Prisma.TransactionClient,
  {
    userId,
    calendar,
    full,
    changes,
    windowStart,
  }: {
    userId: string;
    calendar: { id: string; busy: boolean };
    full: boolean;
    changes: readonly EventChange[];
    windowStart: Date;
  },
): Promise<number> {
  const where = { userId, calendarId: calendar.id };
  const stored = await tx.calendarEvent.findMany({
    where: full ? where : { ...where, externalId: { in: changes.map((change) => change.externalId) } },
    select: storedSelect,
  });
  const byExternalId = new Map(stored.map((row) => [row.externalId, row]));
  let busyChanges = 0;
  const created: Prisma.CalendarEventCreateManyInput[] = [];
  const deleted = new Set<string>();
  const seen = new Set<string>();

  for (const { externalId, reading } of changes) {
    seen.add(externalId);
    const row = byExternalId.get(externalId);
    if (!reading) {
      if (row && !deleted.has(row.id)) {
        deleted.add(row.id);
        if (row.busy) busyChanges++;
      }
      continue;
    }
    const data = {
      summary: reading.summary,
      start: reading.start,
      end: reading.end,
      allDay: reading.allDay,
      busy: reading.busy,
      updated: reading.updated,
    };
    if (!row) {
      created.push({ userId, calendarId: calendar.id, externalId, ...data });
      if (reading.busy) busyChanges++;
    } else if (differs(row, reading)) {
      await tx.calendarEvent.update({ where: { id: row.id }, data });
      if (row.busy || reading.busy) busyChanges++;
    }
  }
  if (full) {
    for (const row of stored) {
      if (seen.has(row.externalId) || deleted.has(row.id)) continue;
      deleted.add(row.id);
      if (row.busy) busyChanges++;
    }
  }
  if (deleted.size > 0) await tx.calendarEvent.deleteMany({ where: { ...where, id: { in: [...deleted] } } });
  // skipDuplicates: a list naming one event twice (two pages racing a change) stores it once.
  if (created.length > 0) await tx.calendarEvent.createMany({ data: dedupe(created), skipDuplicates: true });
  // Past the window nothing reads them; they would only grow the table.
  await tx.calendarEvent.deleteMany({ where: { ...where, end: { lt: windowStart } } });
  return calendar.busy ? busyChanges : 0;
}

function differs(row: Stored, reading: Reading): boolean {
  return (
    row.summary !== reading.summary ||
    row.start.getTime() !== reading.start.getTime() ||
    row.end.getTime() !== reading.end.getTime() ||
    row.allDay !== reading.allDay ||
    row.busy !== reading.busy
  );
}

/** The last version of each event wins. */
function dedupe(rows: Prisma.CalendarEventCreateManyInput[]): Prisma.CalendarEventCreateManyInput[] {
  return [...new Map(rows.map((row) => [row.externalId, row])).values()];
}
