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
  startAfter: true,
  completedAt: true,
  projectId: true,
  areaId: true,
  plannerId: true,
  parentId: true,
  labels: true,
  recurrence: true,
  recurrenceText: true,
  recurrenceAnchor: true,
  occurrenceIndex: true,
  previousId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  // One row through a unique key, read with the list's own query: lists stay one round trip.
  todoistLink: { select: { todoistId: true } },
} satisfies Prisma.TaskSelect;

type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;

/** The row as the DTO has it: the Todoist link flattened to the Todoist task's id (null when not linked). */
export function toTaskDto<T extends TaskRow>({
  todoistLink,
  ...task
}: T): Omit<T, "todoistLink"> & { todoistId: string | null } {
  return { ...task, todoistId: todoistLink?.todoistId ?? null };
}
