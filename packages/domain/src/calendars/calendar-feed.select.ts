import type { Prisma } from "@agendacraft/db/prisma";

/** `url` (sealed) is read to mask it; the DTO never carries it whole. */
export const calendarFeedSelect = {
  id: true,
  name: true,
  url: true,
  createdAt: true,
  lastSyncedAt: true,
  lastError: true,
  eventCount: true,
} satisfies Prisma.CalendarFeedSelect;
