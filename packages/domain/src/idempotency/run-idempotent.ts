import type { Prisma } from "@agendacraft/db/prisma";
import type { Clock } from "../shared/clock.ts";
import { type Db, withTransaction } from "../shared/db.ts";
import { newId } from "../shared/ids.ts";
import { decryptResponse, encryptResponse, hashIdempotencyKey, hashRequest } from "./idempotency-crypto.ts";
import { idempotencyKeyInProgress, idempotencyKeyReused, invalidIdempotencyKey } from "./idempotency-errors.ts";
import { IDEMPOTENCY_KEY_TTL_MS, ZIdempotencyKey } from "./schemas.ts";

/**
 * How long the whole request may hold its transaction: at least what the slowest
 * idempotent write needs on its own (a plan commit allows itself 15 s).
 */
export const IDEMPOTENT_TRANSACTION_TIMEOUT_MS = 20_000;
/** How long a retry waits for the same key's first request to finish before answering in_progress. */
export const IDEMPOTENCY_WAIT_MS = 10_000;

type StoredKey = { requestHash: string; response: Uint8Array | null; createdAt: Date };

/**
 * Runs a create at most once per (person, Idempotency-Key) within 24 hours. The key is
 * claimed in the same transaction as the create (`execute` gets that transaction), so
 * the create and its record commit together or not at all: a create whose answer was
 * lost (a 500 after the commit, a dropped connection) replays its first result to the
 * retry, and one that failed leaves no trace, so its retry runs again.
 *
 * The same key with another request (another procedure or input) is refused
 * (`common.idempotency_key_reused`); a retry arriving while the first request still runs
 * waits for it (on PostgreSQL up to `waitMs`, then `common.idempotency_key_in_progress`).
 */
export async function runIdempotent<T>({
  db,
  actorId,
  key,
  procedure,
  request,
  clock,
  execute,
  serialize,
  deserialize,
  waitMs = IDEMPOTENCY_WAIT_MS,
}: {
  db: Db;
  actorId: string;
  /** The Idempotency-Key as the client sent it. */
  key: string;
  /** Where it is used, e.g. "scheduler.tasks.create". */
  procedure: string;
  /** The request's input as JSON-compatible data (object key order does not matter). */
  request: unknown;
  clock: Clock;
  execute: (tx: Prisma.TransactionClient) => Promise<T>;
  /** The result as JSON-compatible data, to store; `deserialize` turns it back. */
  serialize: (result: T) => unknown;
  deserialize: (stored: unknown) => T;
  waitMs?: number;
}): Promise<{ result: T; replayed: boolean }> {
  if (!ZIdempotencyKey.safeParse(key).success) throw invalidIdempotencyKey();
  const keyHash = hashIdempotencyKey(key);
  const requestHash = hashRequest({ procedure, request });
  const now = clock.now();
  try {
    return await withTransaction(
      db,
      async (tx) => {
        const existing = await claim(tx, { actorId, keyHash, procedure, requestHash, now, waitMs });
        if (existing && existing.createdAt.getTime() > now.getTime() - IDEMPOTENCY_KEY_TTL_MS) {
          if (existing.requestHash !== requestHash) throw idempotencyKeyReused();
          // Committed rows always carry their response; null would be a row mid-write.
          if (!existing.response) throw idempotencyKeyInProgress();
          const text = decryptResponse({ key, userId: actorId, bytes: existing.response });
          return { result: deserialize(JSON.parse(text)), replayed: true };
        }
        const takingOver = existing !== null;
        const result = await execute(tx);
        const response = encryptResponse({ key, userId: actorId, text: JSON.stringify(serialize(result)) });
        // An expired row is taken over: it now records this request.
        await tx.idempotencyKey.update({
          where: { userId_keyHash: { userId: actorId, keyHash } },
          data: { response, ...(takingOver ? { procedure, requestHash, createdAt: now } : {}) },
        });
        return { result, replayed: false };
      },
      { timeoutMs: IDEMPOTENT_TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    if (isLockTimeout(error)) throw idempotencyKeyInProgress();
    throw error;
  }
}

/**
 * Inserts the key, or returns the row that holds it (locked for this transaction). The
 * insert waits while another transaction holds the same key uncommitted, at most `waitMs`.
 */
async function claim(
  tx: Prisma.TransactionClient,
  {
    actorId,
    keyHash,
    procedure,
    requestHash,
    now,
    waitMs,
  }: { actorId: string; keyHash: string; procedure: string; requestHash: string; now: Date; waitMs: number },
): Promise<StoredKey | null> {
  // Only for the claim: the create's own locks keep the server's setting.
  const [setting] = await tx.$queryRaw<{ previous: string }[]>`
    SELECT current_setting('lock_timeout') AS previous, set_config('lock_timeout', ${`${waitMs}ms`}, true)`;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO idempotency_keys (id, "userId", "keyHash", procedure, "requestHash", "createdAt")
    VALUES (${newId()}::uuid, ${actorId}::uuid, ${keyHash}, ${procedure}, ${requestHash}, ${now})
    ON CONFLICT ("userId", "keyHash") DO NOTHING
    RETURNING id`;
  await tx.$queryRaw`SELECT set_config('lock_timeout', ${setting?.previous ?? "0"}, true)`;
  if (inserted.length > 0) return null;
  const [existing] = await tx.$queryRaw<StoredKey[]>`
    SELECT "requestHash", response, "createdAt" FROM idempotency_keys
    WHERE "userId" = ${actorId}::uuid AND "keyHash" = ${keyHash}
    FOR UPDATE`;
  return existing ?? null;
}

/** PostgreSQL's lock_not_available (55P03), however deep the driver and Prisma wrapped it. */
function isLockTimeout(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (value === null || typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (record.code === "55P03" || record.originalCode === "55P03") return true;
    return ["cause", "meta", "driverAdapterError"].some((field) => visit(record[field]));
  };
  return visit(error);
}
