import type { Prisma } from "@agendacraft/db/prisma";

export const plannerSelect = {
  id: true,
  name: true,
  recurrence: true,
  startDate: true,
  startTime: true,
  minutes: true,
  timeZone: true,
  active: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PlannerSelect;
