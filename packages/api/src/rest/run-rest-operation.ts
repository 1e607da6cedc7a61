import type { z } from "zod";
import type { Context } from "../context.ts";
import { enforceRateLimit } from "../rate-limit/enforce-rate-limit.ts";
import { createCaller } from "../root.ts";
import { invalidInput, type RestError, restFailure, unauthorizedFailure } from "./rest-errors.ts";
import type { RestOperation } from "./rest-operation.ts";
import { toRestValue } from "./rest-schema.ts";

export const REST_PREFIX = "/api/v1";

/** What the HTTP host sends back. */
export type RestResult = {
  status: number;
  headers: Record<string, string>;
  /** Absent for a 204. */
  body?: unknown | RestError;
};

export type RestRequest = {
  params: unknown;
  query: unknown;
  body: unknown;
  /** The request's path and query, for the next page's `Link`. */
  url: string;
};

/**
 * Runs one REST operation: reads the path, query and body with the operation's schemas
 * (400 with per-field details in REST names), calls its procedure in-process with the
 * request's context (so rate limits, idempotency keys and error mapping are the tRPC ones),
 * and converts the answer to the REST shape.
 */
export async function runRestOperation(
  operation: RestOperation,
  ctx: Context,
  request: RestRequest,
): Promise<RestResult> {
  // Who is calling comes first: a request without a token learns nothing about the input's
  // rules. It still counts against the caller's address, as an anonymous tRPC call does.
  if (!ctx.session) {
    try {
      await enforceRateLimit(ctx, (limiter) => limiter.call(ctx), "Too many requests.");
    } catch (error) {
      return restFailure(error, ctx.log, ctx.requestId);
    }
    return unauthorizedFailure();
  }
  const params = parse(operation.params, request.params ?? {});
  if (!params.ok) return params.failure;
  const query = parse(operation.query, request.query ?? {});
  if (!query.ok) return query.failure;
  const body = parse(operation.body, request.body ?? {});
  if (!body.ok) return body.failure;

  try {
    const args = { caller: createCaller(ctx), params: params.value, query: query.value, body: body.value };
    switch (operation.kind) {
      case "empty":
        await operation.run(args);
        return { status: 204, headers: {} };
      case "list": {
        const page = await operation.run(args);
        const headers: Record<string, string> = {};
        if (page.nextCursor !== null) headers.link = `<${nextPageUrl(request.url, page.nextCursor)}>; rel="next"`;
        return { status: 200, headers, body: page.items.map((item) => toRestValue(operation.item, item)) };
      }
      case "single": {
        const result = await operation.run(args);
        const headers: Record<string, string> = {};
        if (operation.location) headers.location = `${REST_PREFIX}${operation.location(result)}`;
        return { status: operation.status, headers, body: toRestValue(operation.response, result) };
      }
    }
  } catch (error) {
    return restFailure(error, ctx.log, ctx.requestId);
  }
}

type Parsed = { ok: true; value: never } | { ok: false; failure: RestResult };

/** Path, query and body fields have distinct names, so an error names the field alone (`project_id`). */
function parse(schema: z.ZodType | undefined, value: unknown): Parsed {
  if (!schema) return { ok: true, value: {} as never };
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data as never };
  return { ok: false, failure: invalidInput(result.error) };
}

/** The same address with the next page's cursor (RFC 8288 allows a reference relative to the request). */
function nextPageUrl(url: string, cursor: string): string {
  const next = new URL(url, "http://localhost");
  next.searchParams.set("cursor", cursor);
  return `${next.pathname}${next.search}`;
}
