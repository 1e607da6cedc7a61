import type { Prisma } from "@agendacraft/db/prisma";

/** What the pull reads of a linked task: the agreed fields and what decides a conflict. */
export const linkedTaskSelect = {
  id: true,
  summary: true,
  description: true,
  priority: true,
  minutes: true,
  startTime: true,
  endTime: true,
  startAfter: true,
  dueAt: true,
  completedAt: true,
  projectId: true,
  areaId: true,
  labels: true,
  recurrence: true,
  recurrenceAnchor: true,
  recurrenceText: true,
  updatedAt: true,
  version: true,
} satisfies Prisma.TaskSelect;

export type LinkedTask = Prisma.TaskGetPayload<{ select: typeof linkedTaskSelect }>;

export const taskLinkSelect = {
  todoistId: true,
  taskId: true,
  synced: true,
  dirty: true,
  unmappedReason: true,
} satisfies Prisma.TodoistTaskLinkSelect;

export type TaskLink = Prisma.TodoistTaskLinkGetPayload<{ select: typeof taskLinkSelect }>;
