import type { Prisma } from "@agendacraft/db/prisma";

/** Whose positions a lock covers: all of one user's areas, projects or tasks. */
export type OrderingLock = "areas" | "projects" | "tasks";

// The one order every transaction takes these locks in, before any row lock.
const LOCK_ORDER: readonly OrderingLock[] = ["areas", "projects", "tasks"];

/**
 * Serialises changes to a user's positions until the transaction ends (commit or rollback
 * releases it), so two creates never read the same last position and a renumbering never
 * interleaves with another change. Locks are taken in LOCK_ORDER whatever the argument
 * order, so two transactions cannot wait on each other's advisory locks.
 *
 * Tasks are locked per user, not per project: a task's project is only known once it
 * is read, and a concurrent move can change it between that read and the lock. Taking
 * the lock first means every read after it is final, at the cost of serialising one
 * person's task writes, which their requests are anyway in practice.
 *
 * Who takes what: a write that renumbers or bulk-rewrites rows of a table takes its lock
 * (deleting a project deletes its tasks, so it takes "projects" and "tasks").
 */
export async function lockOrdering(
  tx: Prisma.TransactionClient,
  userId: string,
  ...locks: [OrderingLock, ...OrderingLock[]]
): Promise<void> {
  for (const lock of LOCK_ORDER.filter((candidate) => locks.includes(candidate))) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${lock}:${userId}`}))`;
  }
}
