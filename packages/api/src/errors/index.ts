/** What the HTTP host needs to answer errors the way tRPC procedures do. */
export { logDatabaseUnavailable } from "./log-database-unavailable.ts";
export { retryAfterHeader } from "./retry-after-header.ts";
export { trpcCodeForKind } from "./to-trpc-error.ts";
export { trpcErrorBody } from "./trpc-error-body.ts";
