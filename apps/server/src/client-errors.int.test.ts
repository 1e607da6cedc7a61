import http from "node:http";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

type Answer = { status: number; connection: string | undefined; body: string } | { error: string };

/**
 * Requests the HTTP parser refuses before any route sees them, as a keep-alive client
 * meets them (found by the HTTP fuzz suite): the server closes such a connection, so its
 * answer must say so, or the client's next request goes down the closed socket ("socket
 * hang up"); and an answer to HEAD has no body, or the client reads garbage after it.
 */
describe("requests refused by the HTTP parser", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let agent: http.Agent;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma });
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  });
  afterAll(async () => {
    agent?.destroy();
    await server?.close();
  });

  function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
    const url = new URL(server.url);
    return new Promise((resolve) => {
      const request = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (response) => {
        let body = "";
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }),
        );
      });
      request.on("error", (error) => resolve({ error: error.message }));
      request.end();
    });
  }

  it.each([
    ["a header over the size limit", "/health", { "x-big": "a".repeat(20_000) }],
    ["a URL over the size limit", `/trpc/meta.health?input=${"a".repeat(20_000)}`, {}],
  ])(
    "answers %s 431 with Connection: close, and the client's next request goes through",
    async (_what, path, headers) => {
      expect(await send("GET", path, headers)).toMatchObject({ status: 431, connection: "close" });
      expect(await send("GET", "/health")).toMatchObject({ status: 200 });
    },
  );

  it("says why in JSON, except to a HEAD request, whose answer has no body", async () => {
    const big = { "x-big": "a".repeat(20_000) };
    const get = await send("GET", "/health", big);
    expect(get).toMatchObject({ status: 431, connection: "close" });
    expect(JSON.parse((get as { body: string }).body)).toMatchObject({ code: "common.headers_too_large" });
    expect(await send("HEAD", "/health", big)).toEqual({ status: 431, connection: "close", body: "" });
    expect(await send("HEAD", "/health")).toMatchObject({ status: 200 });
  });
});
