import type { Prisma } from "@agendacraft/db/prisma";

export const planRunSelect = {
  id: true,
  trigger: true,
  placedCount: true,
  unplacedCount: true,
  createdAt: true,
  undoneAt: true,
} satisfies Prisma.PlanRunSelect;
