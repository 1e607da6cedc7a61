import type { Prisma } from "@agendacraft/db/prisma";
import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import { tooManyOpenTasks } from "./task-errors.ts";

/** Refuses one more open task (a create, a reopen) once the person has ACCOUNT_LIMITS.openTasks. */
export async function assertOpenTaskRoom(tx: Prisma.TransactionClient, actorId: string): Promise<void> {
  const open = await tx.task.count({ where: { userId: actorId, completedAt: null } });
  if (open >= ACCOUNT_LIMITS.openTasks) throw tooManyOpenTasks();
}
