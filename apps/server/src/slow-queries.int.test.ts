import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

describe("the slow query log", () => {
  const database = useTestDatabase();
  let everyQuery: TestServer;
  let quiet: TestServer;

  async function signUp(server: TestServer): Promise<string> {
    const signedUp = await postJson(`${server.url}/api/auth/sign-up/email`, {
      name: "Slow Person",
      email: `slow-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    return cookieFrom(signedUp.headers);
  }

  beforeAll(async () => {
    everyQuery = await startTestServer({ db: database().prisma, env: { SLOW_QUERY_MS: "0" } });
    quiet = await startTestServer({ db: database().prisma, env: { SLOW_QUERY_MS: "60000" } });
  });
  afterAll(async () => {
    await everyQuery?.close();
    await quiet?.close();
  });

  it("logs a query at or over SLOW_QUERY_MS at warn with its procedure and request id, without values", async () => {
    const cookie = await signUp(everyQuery);
    const search = `needle-${randomUUID()}`;
    const { status } = await callProcedure(everyQuery.url, "scheduler.tasks.list", {
      input: { q: search },
      headers: { cookie, origin: APP_ORIGIN, "x-request-id": "slow-query-request-1" },
    });
    expect(status).toBe(200);

    const slow = everyQuery.logLines().filter((line) => line.msg === "slow database query");
    const forRequest = slow.filter((line) => line.requestId === "slow-query-request-1");
    expect(forRequest.length).toBeGreaterThan(0);
    expect(forRequest).toContainEqual(
      expect.objectContaining({
        level: 40,
        path: "scheduler.tasks.list",
        durationMs: expect.any(Number),
        query: expect.stringMatching(/"tasks?"/),
      }),
    );
    // The statement is logged with placeholders, never the searched text.
    expect(everyQuery.logText()).not.toContain(search);
  });

  it("logs nothing for queries under the threshold", async () => {
    const cookie = await signUp(quiet);
    const { status } = await callProcedure(quiet.url, "scheduler.tasks.list", {
      input: {},
      headers: { cookie, origin: APP_ORIGIN, "x-request-id": "fast-query-request-1" },
    });
    expect(status).toBe(200);
    expect(quiet.logLines().filter((line) => line.msg === "slow database query")).toEqual([]);
  });
});
