import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

describe("sign-in and sign-up rate limits", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    // Behind a trusted proxy, X-Forwarded-For names the client, so one test process can act as many.
    server = await startTestServer({
      db: database().prisma,
      env: { AUTH_RATE_LIMIT_PER_IP: "3", AUTH_RATE_LIMIT_PER_EMAIL: "2", TRUST_PROXY: "true" },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const signInFrom = (ip: string, email: string) =>
    postJson(
      `${server.url}/api/auth/sign-in/email`,
      { email, password: "not the password" },
      { "x-forwarded-for": ip },
    );

  it("limits attempts on one email from any address, with a retry-after", async () => {
    const email = `target-${randomUUID()}@example.com`;
    expect((await signInFrom("198.51.100.1", email)).status).toBe(401);
    expect((await signInFrom("198.51.100.2", email.toUpperCase())).status).toBe(401);
    const limited = await signInFrom("198.51.100.3", email);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ code: "iam.rate_limited" });
  });

  it("limits attempts from one address across emails, and only that address", async () => {
    const attacker = "203.0.113.9";
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await signInFrom(attacker, `guess-${randomUUID()}@example.com`)).status).toBe(401);
    }
    expect((await signInFrom(attacker, `guess-${randomUUID()}@example.com`)).status).toBe(429);
    const signUp = await postJson(
      `${server.url}/api/auth/sign-up/email`,
      { name: "Mallory", email: `new-${randomUUID()}@example.com`, password: "long enough password" },
      { "x-forwarded-for": attacker },
    );
    expect(signUp.status).toBe(429);

    expect((await signInFrom("203.0.113.10", `someone-${randomUUID()}@example.com`)).status).toBe(401);
  });

  it("keeps its counters in the database, shared by every server process", async () => {
    const rows = await database().prisma.rateLimitBucket.findMany({ where: { key: { startsWith: "auth_ip:" } } });
    expect(rows.map((row) => row.key)).toContain("auth_ip:203.0.113.9");
  });
});
