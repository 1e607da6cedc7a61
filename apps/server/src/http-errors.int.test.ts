import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import { createAgendaCraftClient, domainErrorCode, TRPCClientError } from "@agendacraft/client";
import { createTestDatabase, type TestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

type TrpcErrorBody = { error: { json: { message: string; code: number; data: Record<string, unknown> } } };

/** Sends raw bytes and reads the whole answer: fetch cannot send headers over Node's limit. */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    socket.on("end", () => resolve(answer));
    // The server may close while the oversized request is still being written.
    socket.on("error", (error) => (answer ? resolve(answer) : reject(error)));
    socket.write(request);
  });
}

function parseRawAnswer(answer: string) {
  const [head = "", body = ""] = answer.split("\r\n\r\n");
  const [statusLine = "", ...headerLines] = head.split("\r\n");
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(":")).toLowerCase(),
      line.slice(line.indexOf(":") + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(" ")[1]), headers, body: JSON.parse(body) as unknown };
}

describe("HTTP-level errors have the API's error shape", () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.prisma, env: { BODY_LIMIT_BYTES: "2048" } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const oversized = JSON.stringify({ json: { name: "x".repeat(4096) } });

  it("answers a body over the limit on /trpc with tRPC's error JSON, which the typed client reads", async () => {
    const response = await fetch(`${server.url}/trpc/iam.tokens.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: oversized,
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as TrpcErrorBody;
    expect(body.error.json).toMatchObject({
      code: -32013,
      message: "The request body is too large.",
      data: {
        code: "PAYLOAD_TOO_LARGE",
        httpStatus: 413,
        domainError: { kind: "INVALID", code: "common.payload_too_large" },
        zodError: null,
      },
    });

    const client = createAgendaCraftClient({ url: `${server.url}/trpc` });
    const error = await client.iam.tokens.create.mutate({ name: "x".repeat(4096) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(domainErrorCode(error)).toBe("common.payload_too_large");
  });

  it("answers a body over the limit on /api/auth as /api/auth answers errors", async () => {
    const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_ORIGIN },
      body: oversized,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      code: "common.payload_too_large",
      message: "The request body is too large.",
    });
  });

  it.each([
    [
      "/trpc/meta.health",
      { error: { json: { data: { httpStatus: 431, domainError: { code: "common.headers_too_large" } } } } },
    ],
    ["/api/auth/get-session", { code: "common.headers_too_large", message: "The request headers are too large." }],
  ])("answers headers over the limit on %s with 431 in that path's shape", async (path, expected) => {
    const answer = await rawRequest(
      server.url,
      `GET ${path} HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${"y".repeat(20_000)}\r\n\r\n`,
    );
    const { status, headers, body } = parseRawAnswer(answer);
    expect(status).toBe(431);
    expect(headers["content-type"]).toContain("application/json");
    expect(body).toMatchObject(expected);
  });

  it("answers unknown routes with 404 and known paths with the wrong method with 405 + Allow", async () => {
    const unknownTrpc = await fetch(`${server.url}/trpc/no/such/route`);
    expect(unknownTrpc.status).toBe(404);
    expect(((await unknownTrpc.json()) as TrpcErrorBody).error.json.data).toMatchObject({
      code: "NOT_FOUND",
      httpStatus: 404,
      domainError: { code: "common.not_found" },
    });

    const unknownAuth = await fetch(`${server.url}/api/auth/no-such-route`);
    expect(unknownAuth.status).toBe(404);
    expect(await unknownAuth.json()).toMatchObject({ code: "common.not_found" });

    const wrongMethod = await fetch(`${server.url}/api/auth/sign-in/email`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, POST");
    expect(await wrongMethod.json()).toMatchObject({ code: "common.method_not_allowed" });

    const wrongProbeMethod = await fetch(`${server.url}/health`, { method: "POST" });
    expect(wrongProbeMethod.status).toBe(405);
    expect(wrongProbeMethod.headers.get("allow")).toBe("GET");
  });

  it("marks API answers with personal data no-store, successes and errors alike", async () => {
    const email = `nostore-${randomUUID()}@example.com`;
    const signedUp = await postJson(
      `${server.url}/api/auth/sign-up/email`,
      { name: "Ada", email, password: "correct horse battery" },
      { origin: APP_ORIGIN },
    );
    expect(signedUp.headers.get("cache-control")).toBe("no-store");
    const cookie = cookieFrom(signedUp.headers);

    const me = await fetch(`${server.url}/trpc/iam.me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
    const batch = await fetch(
      `${server.url}/trpc/iam.me,scheduler.tasks.list?batch=1&input=${encodeURIComponent("{}")}`,
      {
        headers: { cookie },
      },
    );
    expect(batch.headers.get("cache-control")).toBe("no-store");
    const refused = await fetch(`${server.url}/trpc/iam.me`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const session = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie } });
    expect(session.headers.get("cache-control")).toBe("no-store");
  });
});
