import type { Prisma } from "@agendacraft/db/prisma";
import type { ConnectedCalendarDto } from "../schemas.ts";
import { canWriteEvents } from "./calendar-access.ts";

/** What the ConnectedCalendarDto is made from (toConnectedCalendarDto). */
export const connectedCalendarSelect = {
  id: true,
  externalId: true,
  name: true,
  color: true,
  busy: true,
  allDayBusy: true,
  writeTarget: true,
  accessRole: true,
} satisfies Prisma.ConnectedCalendarSelect;

type ConnectedCalendarRow = Prisma.ConnectedCalendarGetPayload<{ select: typeof connectedCalendarSelect }>;

export function toConnectedCalendarDto({ accessRole, ...row }: ConnectedCalendarRow): ConnectedCalendarDto {
  return { ...row, readOnly: !canWriteEvents(accessRole) };
}
