import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

/** Request bodies on /api/auth that once broke the route itself (found by the HTTP fuzz suite). */
describe("hostile bodies on /api/auth", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, env: { AUTH_RATE_LIMIT_PER_IP: "1000" } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = async (path: string, body: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_ORIGIN },
      body,
    });
    return { status: response.status, text: await response.text() };
  };

  it.each([5_000, 100_000])(
    "answers a sign-up whose name is nested %i arrays deep with 400, not 500",
    async (depth) => {
      const body = `{"name":${nested(depth)},"email":"deep-${randomUUID()}@example.com","password":"correct horse battery"}`;
      const { status, text } = await post("/api/auth/sign-up/email", body);
      expect(status).toBe(400);
      expect(JSON.parse(text)).toMatchObject({ code: "iam.invalid_sign_up", fieldErrors: { name: expect.any(Array) } });
    },
  );

  it("still signs up and signs in with an ordinary body", async () => {
    const email = `plain-${randomUUID()}@example.com`;
    const credentials = `"email":"${email}","password":"correct horse battery"`;
    expect((await post("/api/auth/sign-up/email", `{"name":"Plain",${credentials}}`)).status).toBe(200);
    expect((await post("/api/auth/sign-in/email", `{${credentials}}`)).status).toBe(200);
  });

  it.each([
    ["malformed JSON", "{"],
    ["a __proto__ key", '{"__proto__":{"admin":true},"email":"a@example.com","password":"x"}'],
  ])("refuses %s with 400 before the auth library sees it", async (_what, body) => {
    const { status } = await post("/api/auth/sign-in/email", body);
    expect(status).toBe(400);
  });
});
