import type { Prisma } from "@agendacraft/db/prisma";

export const taskSelect = {
  id: true,
  summary: true,
  description: true,
  priority: true,
  order: true,
  minutes: true,
  startTime: true,
  endTime: true,
  dueAt: true,
  completedAt: true,
  projectId: true,
  areaId: true,
  plannerId: true,
  recurrence: true,
  recurrenceAnchor: true,
  occurrenceIndex: true,
  previousId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TaskSelect;
