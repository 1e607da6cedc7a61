import type { ServerDeps } from "@agendacraft/api/context";
import {
  createRestContextFactory,
  openApiDocument,
  REST_PREFIX,
  type RestOperation,
  type RestResult,
  restFailure,
  restOperations,
  runRestOperation,
} from "@agendacraft/api/rest";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** The docs page's top-bar title, in place of Fastify's logo. */
const DOCS_LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="220" height="40"><text x="0" y="28" font-family="sans-serif" ' +
  'font-size="24" font-weight="bold" fill="#ffffff">AgendaCraft API</text></svg>';

/** `/tasks/{id}/` -> `/api/v1/tasks/:id/` and `/api/v1/tasks/:id`: paths answer with and without the slash. */
function fastifyPaths(path: string): string[] {
  const withSlash = `${REST_PREFIX}${path.replace(/\{(\w+)\}/g, ":$1")}`;
  return [withSlash, withSlash.replace(/\/$/, "")];
}

/**
 * The REST API v1 (`/api/v1/...`), its OpenAPI document (`/api/v1/openapi.json`) and a
 * documentation page (`/api/docs`) whose assets are served from this machine. Each
 * operation runs its tRPC procedure in-process (packages/api/src/rest), so rules, limits
 * and errors are the same as on /trpc.
 */
export async function registerRestApi(app: FastifyInstance, deps: ServerDeps) {
  const createContext = createRestContextFactory(deps);
  const document = openApiDocument(deps.app.version);

  const run = async (operation: RestOperation, request: FastifyRequest, reply: FastifyReply): Promise<RestResult> => {
    try {
      const ctx = await createContext(
        { id: request.id, method: request.method, headers: request.headers, log: request.log, ip: request.ip },
        reply,
      );
      return await runRestOperation(operation, ctx, {
        params: request.params,
        query: request.query,
        body: request.body,
        url: request.url,
      });
    } catch (error) {
      // Resolving the token failed (the database is unreachable: 503 common.unavailable).
      return restFailure(error, request.log, request.id);
    }
  };
  const handle = (operation: RestOperation) => async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await run(operation, request, reply);
    reply.code(result.status).headers(result.headers);
    return result.body === undefined ? reply.send() : reply.type("application/json; charset=utf-8").send(result.body);
  };
  for (const operation of restOperations) {
    for (const url of fastifyPaths(operation.path)) {
      app.route({ method: operation.method.toUpperCase() as "GET", url, handler: handle(operation) });
    }
  }

  app.get(`${REST_PREFIX}/openapi.json`, async (_request, reply) => reply.type("application/json").send(document));

  await app.register(fastifySwagger, { mode: "static", specification: { document: document as never } });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    // Nothing leaves the machine: no online validator badge, and a policy allowing only this
    // origin (plus the inline styles Swagger UI sets on its elements).
    uiConfig: { validatorUrl: null, deepLinking: true },
    staticCSP: {
      "default-src": "'self'",
      "base-uri": "'self'",
      "img-src": "'self' data:",
      "font-src": "'self' data:",
      "object-src": "'none'",
      "script-src": "'self'",
      "script-src-attr": "'none'",
      "style-src": "'self' 'unsafe-inline'",
      "frame-ancestors": "'none'",
    },
    logo: { type: "image/svg+xml", content: Buffer.from(DOCS_LOGO), href: "/api/docs", target: "_self" },
    theme: { title: "AgendaCraft API" },
  });
}
