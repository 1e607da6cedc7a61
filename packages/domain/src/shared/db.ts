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
 */
export function withTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return isClient(db) ? db.$transaction(work) : work(db);
}
