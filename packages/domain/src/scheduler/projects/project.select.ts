import type { Prisma } from "@agendacraft/db/prisma";

export const projectSelect = {
  id: true,
  name: true,
  color: true,
  areaId: true,
  order: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ProjectSelect;
