import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { ZRestError } from "./rest-errors.ts";
import type { RestOperation } from "./rest-operation.ts";
import { restOutputSchema } from "./rest-schema.ts";
import { REST_PREFIX } from "./run-rest-operation.ts";

const json = (schema: z.ZodType, example?: unknown) => ({
  "application/json": { schema, ...(example === undefined ? {} : { example }) },
});

const errorResponse = (description: string, headers?: z.ZodObject) => ({
  description,
  content: json(ZRestError),
  ...(headers ? { headers } : {}),
});

const ZRateLimitHeaders = z.object({
  "ratelimit-limit": z.string().optional().meta({ description: "Calls allowed in the window." }),
  "ratelimit-remaining": z.string().optional().meta({ description: "Calls left in the window." }),
  "ratelimit-reset": z.string().optional().meta({ description: "Seconds until the window resets." }),
});

/**
 * The failures any call can answer with. 404 on every operation: besides a path's `{id}`,
 * an id the request names (a list's `area_id` filter, a body's `project_id`) may be unknown.
 * 415 wherever a body may be sent: the server reads JSON only.
 */
function errorResponses(operation: RestOperation): ZodOpenApiResponsesObject {
  return {
    "400": errorResponse(
      "Invalid input: `code` is `common.invalid_input` with `details.fields`, or a domain rule's own code.",
    ),
    "401": errorResponse("No valid API token (`Authorization: Bearer act_…`). Cookies are not accepted here."),
    "403": errorResponse("The token may not do this."),
    "404": errorResponse("No such resource among the token owner's (the path's, or one the request names)."),
    "409": errorResponse("The change conflicts with the current state (a name taken, a stale plan)."),
    "413": errorResponse("The request body is too large."),
    ...(operation.method === "get"
      ? {}
      : { "415": errorResponse("The body is not JSON: send it with `Content-Type: application/json`.") }),
    "429": errorResponse(
      "Too many requests: wait the seconds in `Retry-After`.",
      z.object({ "retry-after": z.string().meta({ description: "Seconds to wait." }) }),
    ),
    "503": errorResponse("The service is briefly unavailable; retry later."),
  };
}

function successResponse(operation: RestOperation): ZodOpenApiResponsesObject {
  switch (operation.kind) {
    case "empty":
      return { "204": { description: "Done; nothing to answer with.", headers: ZRateLimitHeaders } };
    case "list":
      return {
        "200": {
          description: 'One page, as a JSON array; the next page\'s address is in `Link: <...>; rel="next"`.',
          headers: ZRateLimitHeaders.extend({
            link: z.string().optional().meta({ description: 'The next page: `<url>; rel="next"` (RFC 8288).' }),
          }),
          content: json(z.array(restOutputSchema(operation.item))),
        },
      };
    case "single":
      return {
        [String(operation.status)]: {
          description: operation.status === 201 ? "Created." : "OK.",
          headers:
            operation.status === 201
              ? ZRateLimitHeaders.extend({ location: z.string().meta({ description: "The new resource's address." }) })
              : ZRateLimitHeaders,
          content: json(restOutputSchema(operation.response)),
        },
      };
  }
}

function toOpenApiOperation(operation: RestOperation): ZodOpenApiOperationObject {
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    requestParams: {
      ...(operation.params ? { path: operation.params as z.ZodObject } : {}),
      ...(operation.query ? { query: operation.query as z.ZodObject } : {}),
      ...(operation.method === "post" ? { header: ZIdempotencyHeader } : {}),
    },
    ...(operation.body
      ? { requestBody: { required: true, content: json(operation.body, operation.bodyExample) } }
      : {}),
    responses: { ...successResponse(operation), ...errorResponses(operation) },
  };
}

const ZIdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .meta({ description: "Any unique string (a UUID): a retry with the same key returns the first answer." }),
});

/** The OpenAPI 3.1 document of /api/v1, generated from the operations' zod schemas. */
export function buildOpenApiDocument(operations: readonly RestOperation[], version: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const path = `${REST_PREFIX}${operation.path}`;
    paths[path] = { ...paths[path], [operation.method]: toOpenApiOperation(operation) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "AgendaCraft API",
      version,
      description: [
        "Tasks, projects, areas, planners and the auto-scheduler over plain HTTP and JSON.",
        "",
        "Authenticate with a personal API token from Settings: `Authorization: Bearer act_…`.",
        "Fields are snake_case; instants are RFC 3339 strings with an offset. Lists answer a JSON",
        'array and put the next page in `Link: <...>; rel="next"`. Every error is',
        '`{"error": {"message", "code", "details"}}`. Paths work with and without the trailing slash.',
      ].join("\n"),
    },
    servers: [{ url: "/", description: "This server" }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "act_…",
          description: "A personal API token (Settings → API tokens, or `pnpm ac login`).",
        },
      },
    },
    paths,
  });
}
