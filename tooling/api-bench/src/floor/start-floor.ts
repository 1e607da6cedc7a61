import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { authenticate } from "./authenticate.ts";
import { createTaskRoute, type FloorCreateInput } from "./create-task-route.ts";
import { listTasksRoute } from "./list-tasks-route.ts";

export type Floor = { url: string; close(): Promise<void> };

/** The app's default DATABASE_POOL_MAX, so both sides have as many connections. */
const POOL_MAX = 10;

/**
 * The floor the app is measured against: node:http and pg doing the same database work
 * per call (token lookup, the same SELECT or ordered INSERT) with nothing else around it.
 * GET /tasks is tasks.list({ limit: 50 }), POST /tasks {summary, projectId?} is tasks.create.
 */
export async function startFloor(databaseUrl: string): Promise<Floor> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_MAX });
  const server = createServer((request, response) => {
    handle(pool, request, response).catch((error: Error) => send(response, 500, { error: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

async function handle(pool: pg.Pool, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = request.method === "POST" ? await readBody(request) : undefined;
  const userId = await authenticate(pool, request);
  if (!userId) return send(response, 401, { error: "unauthorized" });
  if (request.url !== "/tasks") return send(response, 404, { error: "not found" });
  if (request.method === "GET") return send(response, 200, await listTasksRoute(pool, userId));
  if (request.method === "POST") {
    return send(response, 200, await createTaskRoute(pool, userId, JSON.parse(body ?? "{}") as FloorCreateInput));
  }
  send(response, 405, { error: "method not allowed" });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  response.end(json);
}
