import { randomUUID } from "node:crypto";
import { createDatabase, type Database } from "@agendacraft/db/client";
import { createTestDatabase, type TestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy.ts";

const PASSWORD = "correct horse battery";

describe("requests while the database is unreachable", () => {
  let target: TestDatabase;
  let proxy: TcpProxy;
  let db: Database;
  let server: TestServer;
  let cookie: string;
  let token: string;

  beforeAll(async () => {
    target = await createTestDatabase();
    // The server reaches the database through a relay the test cuts, as a network
    // partition or a database restart would.
    proxy = await startTcpProxy(target.url);
    db = await createDatabase({ url: proxy.url, poolMax: 1 });
    server = await startTestServer({ db: db.prisma });

    const signedUp = await postJson(
      `${server.url}/api/auth/sign-up/email`,
      { name: "Ada", email: `ada-${randomUUID()}@example.com`, password: PASSWORD },
      { origin: APP_ORIGIN },
    );
    expect(signedUp.status).toBe(200);
    cookie = cookieFrom(signedUp.headers);
    const created = await callProcedure(server.url, "iam.tokens.create", {
      method: "POST",
      input: { name: "outage script" },
      headers: { cookie, origin: APP_ORIGIN },
    });
    token = (created.data as { secret: string }).secret;
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await proxy?.close();
    await target?.close();
  });

  const readyStatus = async () => (await fetch(`${server.url}/ready`)).status;
  const procedure = (path: string, headers: Record<string, string>, requestId: string) =>
    fetch(`${server.url}/trpc/${path}`, { headers: { ...headers, "x-request-id": requestId } });
  const unavailableLogFor = (requestId: string) =>
    server.logLines().find((line) => line.requestId === requestId && line.msg === "database unavailable; answered 503");

  it("answers 503 common.unavailable with Retry-After, logs the request id, and recovers", async () => {
    const calls: { name: string; path: string; headers: Record<string, string> }[] = [
      // Session resolution (token, then cookie) fails before any procedure runs.
      { name: "token", path: "scheduler.tasks.list", headers: { authorization: `Bearer ${token}` } },
      { name: "cookie", path: "iam.me", headers: { cookie } },
      // An anonymous caller gets as far as the procedure's own query.
      { name: "anonymous", path: "meta.version", headers: {} },
    ];
    for (const call of calls) {
      expect((await procedure(call.path, call.headers, `before-${call.name}`)).status).toBe(200);
    }

    await proxy.cut();
    await expect.poll(readyStatus).toBe(503);

    for (const call of calls) {
      const requestId = `outage-${call.name}-${randomUUID()}`;
      const response = await procedure(call.path, call.headers, requestId);
      expect(response.status, call.name).toBe(503);
      expect(Number(response.headers.get("retry-after")), call.name).toBeGreaterThan(0);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
      expect(body.error.json.data, call.name).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        httpStatus: 503,
        domainError: { kind: "UNAVAILABLE", code: "common.unavailable" },
      });
      expect(body.error.json.message).not.toMatch(/prisma|invocation|127\.0\.0\.1|Failed to get session/i);
      expect(unavailableLogFor(requestId), call.name).toBeDefined();
    }

    const sessionRequestId = `outage-auth-${randomUUID()}`;
    const session = await fetch(`${server.url}/api/auth/get-session`, {
      headers: { cookie, "x-request-id": sessionRequestId },
    });
    expect(session.status).toBe(503);
    expect(Number(session.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await session.json()).toMatchObject({ code: "common.unavailable" });
    expect(unavailableLogFor(sessionRequestId)).toBeDefined();

    // The REST API answers the outage in its own error shape.
    const restRequestId = `outage-rest-${randomUUID()}`;
    const rest = await fetch(`${server.url}/api/v1/tasks/`, {
      headers: { authorization: `Bearer ${token}`, "x-request-id": restRequestId },
    });
    expect(rest.status).toBe(503);
    expect(Number(rest.headers.get("retry-after"))).toBeGreaterThan(0);
    const restBody = (await rest.json()) as { error: { code: string; message: string } };
    expect(restBody.error.code).toBe("common.unavailable");
    expect(restBody.error.message).not.toMatch(/prisma|invocation|127\.0\.0\.1|Failed to get session/i);
    expect(unavailableLogFor(restRequestId)).toBeDefined();

    await proxy.restore();
    await expect.poll(readyStatus).toBe(200);
    await expect
      .poll(
        async () =>
          (await fetch(`${server.url}/api/v1/tasks/`, { headers: { authorization: `Bearer ${token}` } })).status,
      )
      .toBe(200);
    for (const call of calls) {
      await expect.poll(async () => (await procedure(call.path, call.headers, `after-${call.name}`)).status).toBe(200);
    }
    expect((await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie } })).status).toBe(200);
  });
});
