import type { PrismaClient } from "@agendacraft/db/client";
import type { Prisma } from "@agendacraft/db/prisma";

/** What services take as `db`: the client, or a transaction already open on it. */
export type Db = PrismaClient | Prisma.TransactionClient;

function isClient(db: Db): db is PrismaClient {
  return "$transaction" in db;
}

/**
 * Runs `work` in a transaction, reusing one that is already open so services compose:
 * a service called from another service's transaction joins it instead of nesting.
 * `timeoutMs` (default Prisma's 5 s) applies only when a transaction is opened here.
 */
export function withTransaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  { timeoutMs }: { timeoutMs?: number } = {},
): Promise<T> {
  if (!isClient(db)) return work(db);
  return timeoutMs === undefined ? db.$transaction(work) : db.$transaction(work, { timeout: timeoutMs });
}
