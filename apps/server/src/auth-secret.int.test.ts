import { randomBytes, randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

// What the README's AUTH_SECRET row promises, checked on servers sharing one database.
describe("AUTH_SECRET", () => {
  const database = useTestDatabase();
  let first: TestServer;
  let second: TestServer;
  let rotated: TestServer;

  beforeAll(async () => {
    first = await startTestServer({ db: database().prisma });
    second = await startTestServer({ db: database().prisma });
    rotated = await startTestServer({ db: database().prisma, env: { AUTH_SECRET: randomBytes(32).toString("hex") } });
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close(), rotated?.close()]);
  });

  it("unset: one is generated once, kept in the database and shared by every server on it", async () => {
    const rows = await database().prisma.appMeta.findMany({ where: { key: "auth_secret" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.value.length).toBeGreaterThanOrEqual(32);

    const signedUp = await postJson(`${first.url}/api/auth/sign-up/email`, {
      name: "Shared",
      email: `shared-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const headers = { cookie: cookieFrom(signedUp.headers), origin: APP_ORIGIN };
    expect((await callProcedure(second.url, "iam.me", { headers })).status).toBe(200);
  });

  it("changed: browser sessions signed with the old secret end, API tokens keep working", async () => {
    const signedUp = await postJson(`${first.url}/api/auth/sign-up/email`, {
      name: "Rotated",
      email: `rotated-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const cookieHeaders = { cookie: cookieFrom(signedUp.headers), origin: APP_ORIGIN };
    const created = await callProcedure(first.url, "iam.tokens.create", {
      method: "POST",
      input: { name: "script" },
      headers: cookieHeaders,
    });
    const secret = String(created.data?.secret);

    expect((await callProcedure(first.url, "iam.me", { headers: cookieHeaders })).status).toBe(200);
    expect((await callProcedure(rotated.url, "iam.me", { headers: cookieHeaders })).status).toBe(401);
    const byToken = await callProcedure(rotated.url, "iam.me", { headers: { authorization: `Bearer ${secret}` } });
    expect(byToken.status).toBe(200);
  });
});
