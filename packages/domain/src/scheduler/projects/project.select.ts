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
  todoistLink: { select: { todoistId: true } },
} satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;

/** The row as the DTO has it: the Todoist link flattened to the Todoist project's id (null when not linked). */
export function toProjectDto<T extends ProjectRow>({
  todoistLink,
  ...project
}: T): Omit<T, "todoistLink"> & { todoistId: string | null } {
  return { ...project, todoistId: todoistLink?.todoistId ?? null };
}
