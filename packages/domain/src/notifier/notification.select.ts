import type { Prisma } from "@agendacraft/db/prisma";

export const notificationSelect = {
  id: true,
  kind: true,
  taskId: true,
  title: true,
  body: true,
  createdAt: true,
  readAt: true,
} satisfies Prisma.NotificationSelect;
