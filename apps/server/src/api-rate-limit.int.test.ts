import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, type BatchResult, callBatch, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

const PASSWORD = "correct horse battery";
const codeOf = (entry: BatchResult | undefined) =>
  (entry?.error?.json.data.domainError as { code?: string } | null | undefined)?.code ?? (entry?.result ? "ok" : null);

describe("API rate limits and batch cap over HTTP", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      db: database().prisma,
      env: {
        API_RATE_LIMIT_PER_MINUTE: "8",
        API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: "5",
        API_RATE_LIMIT_SENSITIVE_PER_HOUR: "4",
        // X-Forwarded-For names the client, so one test process can call from many addresses.
        TRUST_PROXY: "true",
        CORS_ORIGINS: "https://app.example.com",
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A new person's browser: session cookie and the app's origin. */
  async function signUp(ip: string) {
    const email = `person-${randomUUID()}@example.com`;
    const response = await postJson(
      `${server.url}/api/auth/sign-up/email`,
      { name: "Ada", email, password: PASSWORD },
      { "x-forwarded-for": ip },
    );
    expect(response.status).toBe(200);
    return { email, headers: { cookie: cookieFrom(response.headers), origin: APP_ORIGIN, "x-forwarded-for": ip } };
  }

  it("says where a caller stands on every answer, and refuses with 429, Retry-After and common.rate_limited", async () => {
    const from = (ip: string) => callProcedure(server.url, "meta.health", { headers: { "x-forwarded-for": ip } });
    const remaining: string[] = [];
    for (let call = 0; call < 5; call++) {
      const response = await fetch(`${server.url}/trpc/meta.health`, { headers: { "x-forwarded-for": "192.0.2.10" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBe("5");
      expect(response.headers.get("ratelimit-policy")).toBe("5;w=60");
      expect(Number(response.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
      expect(response.headers.get("retry-after")).toBeNull();
      remaining.push(response.headers.get("ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);

    const refused = await fetch(`${server.url}/trpc/meta.health`, { headers: { "x-forwarded-for": "192.0.2.10" } });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("ratelimit-reset")).toBe(String(retryAfter));
    const body = (await refused.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(body.error.json.data).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      httpStatus: 429,
      domainError: { kind: "RATE_LIMITED", code: "common.rate_limited", details: { retryAfterSeconds: retryAfter } },
    });

    expect((await from("192.0.2.11")).status).toBe(200);
  });

  it("lets the configured other sites' scripts read the rate-limit headers", async () => {
    const response = await fetch(`${server.url}/trpc/meta.health`, {
      headers: { origin: "https://app.example.com", "x-forwarded-for": "192.0.2.12" },
    });
    expect(response.headers.get("access-control-expose-headers")?.split(/,\s*/)).toEqual(
      expect.arrayContaining(["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "retry-after"]),
    );
  });

  it("counts every call of a batch, and refuses the calls over the limit", async () => {
    const { headers } = await signUp("192.0.2.20");
    const three = await callBatch(
      server.url,
      [{ path: "iam.me" }, { path: "meta.health" }, { path: "scheduler.tasks.list", input: {} }],
      { headers },
    );
    expect(three.results.map(codeOf)).toEqual(["ok", "ok", "ok"]);
    expect(three.headers.get("ratelimit-remaining")).toBe("5");

    const six = await callBatch(server.url, Array(6).fill({ path: "meta.health" }), { headers });
    expect(six.results.map(codeOf).sort()).toEqual(["common.rate_limited", "ok", "ok", "ok", "ok", "ok"]);
    expect(six.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(six.headers.get("retry-after"))).toBeGreaterThan(0);

    // Someone else signed in from the same address is unaffected.
    const other = await signUp("192.0.2.20");
    expect((await callProcedure(server.url, "iam.me", { headers: other.headers })).status).toBe(200);
  });

  it("refuses a batch of more than 10 calls before any of them runs", async () => {
    const { email, headers } = await signUp("192.0.2.30");
    // What was seen: 50 password guesses in one POST.
    const guesses = await callBatch(
      server.url,
      Array.from({ length: 50 }, (_, index) => ({ path: "iam.deleteAccount", input: { password: `guess ${index}` } })),
      { headers, method: "POST" },
    );
    expect(guesses.status).toBe(400);
    expect(new Set(guesses.results.map(codeOf))).toEqual(new Set(["common.batch_too_large"]));
    expect(guesses.results[0]?.error?.json.data).toMatchObject({
      code: "BAD_REQUEST",
      domainError: { kind: "INVALID", details: { maxCalls: 10, calls: 50 } },
    });

    const eleven = await callBatch(
      server.url,
      Array.from({ length: 11 }, (_, index) => ({ path: "scheduler.areas.create", input: { name: `Area ${index}` } })),
      { headers, method: "POST" },
    );
    expect(eleven.status).toBe(400);
    expect(await database().prisma.area.count({ where: { user: { email } } })).toBe(0);

    // Refused batches cost nothing, and ten calls are fine.
    const ten = await callBatch(server.url, Array(10).fill({ path: "meta.health" }), {
      headers: { "x-forwarded-for": "192.0.2.31" },
    });
    // Calls of a batch run concurrently: which five get through is not fixed.
    expect(ten.results.map(codeOf).sort()).toEqual([...Array(5).fill("common.rate_limited"), ...Array(5).fill("ok")]);
    const me = await callProcedure(server.url, "iam.me", { headers });
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ email });
  });

  it("counts each password guess of a batch against the stricter limit", async () => {
    const { email, headers } = await signUp("192.0.2.40");
    const guesses = await callBatch(
      server.url,
      Array.from({ length: 6 }, (_, index) => ({ path: "iam.deleteAccount", input: { password: `guess ${index}` } })),
      { headers, method: "POST" },
    );
    expect(guesses.results.map(codeOf).sort()).toEqual([
      "common.rate_limited",
      "common.rate_limited",
      "iam.wrong_password",
      "iam.wrong_password",
      "iam.wrong_password",
      "iam.wrong_password",
    ]);

    const rightPassword = await callProcedure(server.url, "iam.deleteAccount", {
      input: { password: PASSWORD },
      headers,
      method: "POST",
    });
    expect(rightPassword.status).toBe(429);
    expect(await database().prisma.user.count({ where: { email } })).toBe(1);
  });
});
