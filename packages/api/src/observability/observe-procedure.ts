import { isDomainError } from "@agendacraft/domain/shared";
import type { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { runInRequestContext } from "./request-context.ts";

/** One finished procedure call: the path is the router's (`scheduler.tasks.byId`), never a URL or an id. */
export type ProcedureCall = {
  path: string;
  type: "query" | "mutation" | "subscription";
  durationMs: number;
  /** "OK", or the tRPC code it failed with. */
  code: "OK" | TRPC_ERROR_CODE_KEY;
  /** The domain error's stable code (`scheduler.start_in_past`) when it failed with one. */
  domainCode?: string;
};

/** Where procedure timings go; the server backs it with Prometheus metrics, so the API needs no metrics library. */
export type ProcedureMetrics = { observeProcedure(call: ProcedureCall): void };

type CallResult = { ok: true } | { ok: false; error: TRPCError };

/**
 * Runs one procedure call (one per call of a batch) inside its request context, timing it.
 * tRPC's `next()` resolves failures as `{ ok: false }` rather than throwing.
 */
export async function observeProcedure<R extends CallResult>(
  {
    metrics,
    requestId,
    path,
    type,
  }: { metrics: ProcedureMetrics | undefined; requestId: string; path: string; type: ProcedureCall["type"] },
  next: () => Promise<R>,
): Promise<R> {
  const started = performance.now();
  const result = await runInRequestContext({ requestId, path }, next);
  const durationMs = performance.now() - started;
  if (result.ok) {
    metrics?.observeProcedure({ path, type, durationMs, code: "OK" });
  } else {
    const cause = result.error.cause;
    metrics?.observeProcedure({
      path,
      type,
      durationMs,
      code: result.error.code,
      ...(isDomainError(cause) ? { domainCode: cause.code } : {}),
    });
  }
  return result;
}
