import type { Prisma } from "@agendacraft/db/prisma";

/** The ConnectedCalendarDto's fields. */
export const connectedCalendarSelect = {
  id: true,
  externalId: true,
  name: true,
  color: true,
  busy: true,
  allDayBusy: true,
  writeTarget: true,
} satisfies Prisma.ConnectedCalendarSelect;
