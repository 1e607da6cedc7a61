import { type DomainError, isDomainError } from "@agendacraft/domain/shared";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError, z } from "zod";
import { GENERIC_INTERNAL_MESSAGE, trpcCodeForKind } from "../errors/to-trpc-error.ts";
import type { Log } from "../log.ts";
import { toSnakeCase, toSnakePath } from "./case.ts";

/** Every REST error body: `{"error": {"message", "code", "details"}}`. */
export const ZRestError = z
  .object({
    error: z.object({
      message: z.string().meta({ description: "For a person to read." }),
      code: z.string().meta({ description: "Stable, for a program to branch on.", example: "scheduler.start_in_past" }),
      details: z
        .record(z.string(), z.unknown())
        .nullable()
        .meta({ description: "More about the failure: for validation, `fields` (messages per field) and `issues`." }),
    }),
  })
  .meta({ id: "Error", description: "What went wrong, in the same shape for every failure." });
export type RestError = z.output<typeof ZRestError>;

export type RestFailure = { status: number; body: RestError; headers: Record<string, string> };

export const INVALID_INPUT_CODE = "common.invalid_input";
const UNAUTHORIZED_MESSAGE = "Send a personal API token: Authorization: Bearer act_…";

/** Codes for failures that carry no domain error (tRPC's own: a missing session, a timeout). */
const CODE_BY_TRPC_CODE: Partial<Record<TRPCError["code"], string>> = {
  UNAUTHORIZED: "common.unauthorized",
  FORBIDDEN: "common.forbidden",
  NOT_FOUND: "common.not_found",
  PAYLOAD_TOO_LARGE: "common.payload_too_large",
  TOO_MANY_REQUESTS: "common.rate_limited",
  TIMEOUT: "common.request_timeout",
  BAD_REQUEST: "common.bad_request",
};

/** Field messages and issues, in REST names, from a validation failure (ours or the procedure's). */
export function validationDetails(error: ZodError, prefix: string[] = []) {
  const fields: Record<string, string[]> = {};
  const issues = error.issues.map((issue) => {
    const path = toSnakePath([...prefix, ...issue.path.map(String)].join("."));
    const custom = "params" in issue ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    const key = path || "(body)";
    fields[key] = [...(fields[key] ?? []), issue.message];
    return { path, code: typeof custom === "string" ? custom : issue.code, message: issue.message };
  });
  return { fields, issues };
}

export function invalidInput(error: ZodError, prefix: string[] = []): RestFailure {
  const details = validationDetails(error, prefix);
  const first = details.issues[0];
  const message = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "The request is invalid.";
  return {
    status: 400,
    body: { error: { message, code: INVALID_INPUT_CODE, details } },
    headers: {},
  };
}

/** Domain details in REST names: `retryAfterSeconds` -> `retry_after_seconds`, a `field` named as the client sent it. */
function restDetails(details: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!details) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    out[toSnakeCase(key)] = key === "field" && typeof value === "string" ? toSnakePath(value) : value;
  }
  return out;
}

/**
 * A failed call as the REST API answers it. The procedure's errors arrive already converted
 * by tRPC's one error middleware (domain codes kept, internal ones masked and logged there);
 * this only changes their shape. Anything else is unexpected: logged here, answered 500.
 */
export function restFailure(error: unknown, log: Log, requestId: string): RestFailure {
  if (error instanceof ZodError) return invalidInput(error);
  // A domain error raised before any procedure runs (the rate limit on an anonymous call).
  if (isDomainError(error)) return domainFailure(error);
  if (!(error instanceof TRPCError)) {
    log.error({ err: error, requestId }, "REST request failed");
    return internalFailure();
  }
  if (error.cause instanceof ZodError) return invalidInput(error.cause);
  if (isDomainError(error.cause)) return domainFailure(error.cause);
  const status = getHTTPStatusCodeFromError(error);
  if (error.code === "INTERNAL_SERVER_ERROR") return internalFailure();
  if (error.code === "UNAUTHORIZED") return unauthorizedFailure();
  const code = CODE_BY_TRPC_CODE[error.code] ?? `common.${error.code.toLowerCase()}`;
  return { status, body: { error: { message: error.message, code, details: null } }, headers: {} };
}

function domainFailure(error: DomainError): RestFailure {
  const details = restDetails(error.details);
  const wait = details?.retry_after_seconds;
  return {
    status: getHTTPStatusCodeFromError(new TRPCError({ code: trpcCodeForKind(error.kind) })),
    body: { error: { message: error.message, code: error.code, details } },
    headers: typeof wait === "number" && wait > 0 ? { "retry-after": String(Math.ceil(wait)) } : {},
  };
}

/** No bearer token: 401 with the header that says how to authenticate. */
export function unauthorizedFailure(): RestFailure {
  return {
    status: 401,
    body: { error: { message: UNAUTHORIZED_MESSAGE, code: "common.unauthorized", details: null } },
    headers: { "www-authenticate": 'Bearer realm="AgendaCraft API"' },
  };
}

function internalFailure(): RestFailure {
  return {
    status: 500,
    body: { error: { message: GENERIC_INTERNAL_MESSAGE, code: "common.internal_error", details: null } },
    headers: {},
  };
}
