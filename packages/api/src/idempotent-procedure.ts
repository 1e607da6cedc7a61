import { runIdempotent } from "@agendacraft/domain/idempotency";
import type { Clock, Db } from "@agendacraft/domain/shared";
import { initTRPC } from "@trpc/server";
import { middlewareMarker } from "@trpc/server/unstable-core-do-not-import";
import superjson, { type SuperJSONResult } from "superjson";
import { requestFingerprint } from "./request-fingerprint.ts";
import { protectedProcedure } from "./trpc.ts";

/** What the middleware needs of the context: a signed-in caller, the database, the header. */
type IdempotencyContext = {
  db: Db;
  clock: Clock;
  idempotencyKey: string | null;
  session: { userId: string };
};

// A plugin of its own, so any signed-in builder can take it: `.concat(idempotency)`.
const plugin = initTRPC.context<IdempotencyContext>().create();

/** Carries a failed result out of the idempotency transaction, rolling the claim back with it. */
class ProcedureFailed<R> extends Error {
  constructor(readonly outcome: R) {
    super("the procedure failed");
  }
}

/**
 * For creates (and `scheduler.plan.commit`): with an `Idempotency-Key` header, the
 * procedure runs at most once per person and key within 24 hours; a retry gets the first
 * result and writes nothing (see `runIdempotent`). The procedure runs inside the
 * transaction that records the key, as `ctx.db`, so the write and the record commit
 * together. Without the header nothing changes.
 */
export const idempotency = plugin.procedure.use(async ({ ctx, next, path, getRawInput }) => {
  const key = ctx.idempotencyKey;
  if (key === null) return next();
  const request = requestFingerprint(await getRawInput());
  // Too deep to fingerprint, so invalid for any schema: validation answers it.
  if (request === null) return next();
  try {
    const { result } = await runIdempotent({
      db: ctx.db,
      actorId: ctx.session.userId,
      key,
      procedure: path,
      request,
      clock: ctx.clock,
      async execute(tx) {
        const outcome = await next({ ctx: { db: tx } });
        if (!outcome.ok) throw new ProcedureFailed(outcome);
        return outcome.data;
      },
      serialize: (data) => superjson.serialize(data),
      deserialize: (stored) => superjson.deserialize(stored as SuperJSONResult),
    });
    // tRPC has no public way for a middleware to answer without calling next()
    // (trpc/trpc#4066): this is the shape next() resolves with.
    return { marker: middlewareMarker, ok: true as const, data: result, ctx };
  } catch (error) {
    if (error instanceof ProcedureFailed) return error.outcome as Awaited<ReturnType<typeof next>>;
    throw error;
  }
});

/** A signed-in procedure that takes an `Idempotency-Key` (see `idempotency`). */
export const idempotentProcedure = protectedProcedure.concat(idempotency);
