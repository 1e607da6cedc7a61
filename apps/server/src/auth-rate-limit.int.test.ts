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

describe("sign-in throttling that cannot lock the owner out", () => {
  const database = useTestDatabase();
  let server: TestServer;
  const PASSWORD = "correct horse battery";

  beforeAll(async () => {
    server = await startTestServer({
      db: database().prisma,
      // The production defaults, spelled out: test servers otherwise raise every limit.
      env: {
        AUTH_RATE_LIMIT_PER_IP: "30",
        AUTH_RATE_LIMIT_PER_EMAIL_AND_IP: "10",
        AUTH_RATE_LIMIT_PER_EMAIL: "100",
        TRUST_PROXY: "true",
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const signIn = (ip: string, email: string, password: string) =>
    postJson(`${server.url}/api/auth/sign-in/email`, { email, password }, { "x-forwarded-for": ip });

  async function signUp(ip: string) {
    const email = `owner-${randomUUID()}@example.com`;
    const response = await postJson(
      `${server.url}/api/auth/sign-up/email`,
      { name: "Owner", email, password: PASSWORD },
      { "x-forwarded-for": ip },
    );
    expect(response.status).toBe(200);
    return email;
  }

  it("lets the owner in from another address while the guessing address stays throttled", async () => {
    const email = await signUp("198.51.100.50");
    const attacker = "203.0.113.50";
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++)
      statuses.push((await signIn(attacker, email, `guess ${attempt}`)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);

    const owner = await signIn("198.51.100.51", email, PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.headers.getSetCookie().join(";")).toMatch(/better-auth\.session_token=/);

    const stillThrottled = await signIn(attacker, email, PASSWORD);
    expect(stillThrottled.status).toBe(429);
    expect(stillThrottled.body).toMatchObject({ code: "iam.rate_limited" });
    expect(Number(stillThrottled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(stillThrottled.headers.get("ratelimit-limit")).toBe("10");
  });

  it("answers guesses on an unknown email exactly as on a real account", async () => {
    const known = await signUp("198.51.100.60");
    const unknown = `nobody-${randomUUID()}@example.com`;
    const run = async (ip: string, email: string) => {
      const answers: string[] = [];
      for (let attempt = 0; attempt < 11; attempt++) {
        const response = await signIn(ip, email, "a wrong password");
        answers.push(`${response.status} ${JSON.stringify(response.body).replace(/\d+ seconds/, "N seconds")}`);
      }
      return answers;
    };
    expect(await run("203.0.113.61", unknown)).toEqual(await run("203.0.113.60", known));
  });

  it("forgets an address's failed attempts once the right password comes from it", async () => {
    const email = await signUp("198.51.100.70");
    const laptop = "198.51.100.71";
    for (let attempt = 0; attempt < 9; attempt++) expect((await signIn(laptop, email, "mistyped")).status).toBe(401);
    expect((await signIn(laptop, email, PASSWORD)).status).toBe(200);
    for (let attempt = 0; attempt < 10; attempt++) expect((await signIn(laptop, email, "mistyped")).status).toBe(401);
    expect((await signIn(laptop, email, "mistyped")).status).toBe(429);
  });
});
