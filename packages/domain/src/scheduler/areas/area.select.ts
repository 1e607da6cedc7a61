import type { Prisma } from "@agendacraft/db/prisma";

export const areaSelect = {
  id: true,
  name: true,
  color: true,
  order: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.AreaSelect;
