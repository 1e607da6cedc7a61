import { TRPCError } from "@trpc/server";
import type { Log } from "../log.ts";
import { logDatabaseUnavailable } from "./log-database-unavailable.ts";
import { toTRPCError } from "./to-trpc-error.ts";

/**
 * Session resolution runs in createContext, before any procedure middleware, so its
 * failures need the same mapping here: an unreachable database is 503 `common.unavailable`
 * (never 401, which would sign the person out, nor 500), anything else a generic 500;
 * neither shows the driver's message to the caller.
 */
export function sessionResolutionError(error: unknown, { log, requestId }: { log: Log; requestId: string }) {
  const mapped = toTRPCError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }));
  if (mapped.databaseUnavailable) logDatabaseUnavailable(log, { requestId, path: "session", err: error });
  if (mapped.unexpected) log.error({ err: error, requestId }, "session resolution failed");
  return mapped.error;
}
