import type { Prisma } from "@agendacraft/db/prisma";

export const userSelect = {
  id: true,
  email: true,
  name: true,
  timeZone: true,
  createdAt: true,
} satisfies Prisma.UserSelect;
