import type { DomainError } from "@agendacraft/domain/shared";
import { getErrorShape, TRPCError, transformTRPCResponse } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { appRouter } from "../root.ts";

/**
 * The body tRPC itself answers an error with (superjson envelope, `data.code`,
 * `data.httpStatus`, our formatter's `domainError`), for errors raised under /trpc before
 * tRPC runs: a body over the limit, headers too large, an unknown route or method. Clients
 * then read every failure of the API the same way. `httpStatus` may be one tRPC has no
 * code for (431), so it is set after formatting.
 */
export function trpcErrorBody({
  code,
  httpStatus,
  message,
  domainError,
}: {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  message: string;
  /** Absent for an internal error, as tRPC answers those. */
  domainError?: DomainError;
}): unknown {
  const config = appRouter._def._config;
  const shape = getErrorShape({
    config,
    error: new TRPCError({ code, message, cause: domainError }),
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return transformTRPCResponse(config, { error: { ...shape, data: { ...shape.data, httpStatus } } });
}
