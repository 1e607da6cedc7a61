/**
 * The tRPC bootstrap: one instance, the error formatter, and the procedures every
 * router builds on. Errors are converted in exactly one place (the middleware below).
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context.ts";
import { formatError } from "./errors/format-error.ts";
import { logDatabaseUnavailable } from "./errors/log-database-unavailable.ts";
import { toTRPCError } from "./errors/to-trpc-error.ts";
import { observeProcedure } from "./observability/observe-procedure.ts";
import { enforceRateLimit } from "./rate-limit/enforce-rate-limit.ts";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter: formatError,
  // Stacks never go to clients, in any environment; they are in the server log.
  isDev: false,
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const errorConversion = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (result.ok) return result;
  const { error, unexpected, databaseUnavailable } = toTRPCError(result.error);
  if (databaseUnavailable) {
    logDatabaseUnavailable(ctx.log, { requestId: ctx.requestId, path, err: result.error.cause });
  }
  if (unexpected) {
    ctx.log.error(
      { err: result.error.cause ?? result.error, requestId: ctx.requestId, path, type },
      "procedure failed",
    );
  }
  throw error;
});

/** Every call counts against its caller's limit, signed in or not, before anything else runs. */
const rateLimit = t.middleware(async ({ ctx, next }) => {
  await enforceRateLimit(ctx, (limiter) => limiter.call(ctx), "Too many requests.");
  return next();
});

// Outermost, so it times the whole call (a refused one too) and sees errors after conversion; once per call of a batch.
const observation = t.middleware(({ ctx, next, path, type }) =>
  observeProcedure({ metrics: ctx.metrics, requestId: ctx.requestId, path, type }, next),
);

/** Anyone may call it (health, readiness, and later sign-in helpers). */
export const publicProcedure = t.procedure.use(observation).use(errorConversion).use(rateLimit);

/** Requires a session; inside, `ctx.session` is non-null. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  }
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** Checks a password or mints a credential: a much stricter per-person limit on top. */
export const sensitiveProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  await enforceRateLimit(
    ctx,
    (limiter) => limiter.sensitiveCall(ctx),
    "Too many password checks or new tokens in the last hour.",
  );
  return next();
});
