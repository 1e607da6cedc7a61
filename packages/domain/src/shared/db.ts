import type { PrismaClient } from "@agendacraft/db/client";
import type { Prisma } from "@agendacraft/db/prisma";
import { isWriteConflict } from "./errors.ts";

/**
 * The database client and job sender under the names packages above domain use (the API's
 * ServerDeps), so they never import packages/db or Prisma themselves.
 */
export type DbClient = PrismaClient;
export type { JobSender } from "@agendacraft/db/jobs";

/** What services take as `db`: the client, or a transaction already open on it. */
export type Db = PrismaClient | Prisma.TransactionClient;

function isClient(db: Db): db is PrismaClient {
  return "$transaction" in db;
}

/** The client itself, not a transaction's (which Prisma gives `$transaction` too, for savepoints). */
function isRootClient(db: PrismaClient): boolean {
  return "$disconnect" in db;
}

/** Runs after the first for a transaction PostgreSQL aborted as a deadlock's victim or for a write conflict. */
const CONFLICT_RETRIES = 3;

/**
 * Runs `work` in a transaction, reusing one that is already open so services compose:
 * a service called from another service's transaction joins it instead of nesting.
 * `timeoutMs` (default Prisma's 5 s) applies only when a transaction is opened here.
 * A transaction it opened on the client that PostgreSQL aborts for a deadlock or a write
 * conflict (Prisma P2034, or P2010 from a raw query; concurrent deletes and inserts meet through foreign keys and the
 * job queue's unique keys) is run again: it was rolled back whole, and the work inside
 * does database work only (mail and fetches happen outside, before or after).
 */
export async function withTransaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  { timeoutMs }: { timeoutMs?: number } = {},
): Promise<T> {
  if (!isClient(db)) return work(db);
  const open = () => (timeoutMs === undefined ? db.$transaction(work) : db.$transaction(work, { timeout: timeoutMs }));
  // Inside a transaction this is a savepoint; an abort ends the outer transaction, whose opener retries.
  if (!isRootClient(db)) return open();
  for (let retry = 0; ; retry++) {
    try {
      return await open();
    } catch (error) {
      if (retry >= CONFLICT_RETRIES || !isWriteConflict(error)) throw error;
      // A short random pause, so the transactions that collided do not meet again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (retry + 1)));
    }
  }
}
