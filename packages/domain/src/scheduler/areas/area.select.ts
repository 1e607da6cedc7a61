import type { Prisma } from "@agendacraft/db/prisma";

export const areaSelect = {
  id: true,
  name: true,
  color: true,
  order: true,
  createdAt: true,
  updatedAt: true,
  todoistLink: { select: { todoistId: true } },
} satisfies Prisma.AreaSelect;

type AreaRow = Prisma.AreaGetPayload<{ select: typeof areaSelect }>;

/** The row as the DTO has it: the Todoist link flattened to the Todoist project's id (null when not linked). */
export function toAreaDto<T extends AreaRow>({
  todoistLink,
  ...area
}: T): Omit<T, "todoistLink"> & { todoistId: string | null } {
  return { ...area, todoistId: todoistLink?.todoistId ?? null };
}
