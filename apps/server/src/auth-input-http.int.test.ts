import { randomUUID } from "node:crypto";
import { createAgendaCraftClient, TRPCClientError } from "@agendacraft/client";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_INTERNAL_ERROR } from "./routes/auth.ts";
import { APP_ORIGIN, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

const PASSWORD = "correct horse battery";
const INVALID_CHARACTERS = "common.invalid_characters";
// What must never appear in a response body: SQL, Prisma, table names, PostgreSQL error codes.
const INTERNALS = /prisma|invocation|sessions|rate_limit_buckets|22021|P20\d\d|sql|database|stack/i;

describe("bad text and server errors on /api/auth", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      db: database().prisma,
      env: { AUTH_RATE_LIMIT_PER_IP: "1000", AUTH_RATE_LIMIT_PER_EMAIL: "1000" },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (path: string, body: unknown) =>
    postJson(`${server.url}/api/auth/${path}`, body, { origin: APP_ORIGIN });
  const newEmail = () => `person-${randomUUID()}@example.com`;

  /** Renames a table for the length of `work`, so the auth library's queries fail as in an outage or a bad migration. */
  async function withTableGone<T>(table: string, work: () => Promise<T>): Promise<T> {
    await database().prisma.$executeRawUnsafe(`ALTER TABLE "${table}" RENAME TO "${table}_gone"`);
    try {
      return await work();
    } finally {
      await database().prisma.$executeRawUnsafe(`ALTER TABLE "${table}_gone" RENAME TO "${table}"`);
    }
  }

  describe("text the database cannot store is a 400 field error, checked before the library or the rate limiter", () => {
    it.each([
      ["a NUL in the email", { email: "ada\u0000@example.com", password: PASSWORD }, "email"],
      ["a NUL in the password", { email: "ada@example.com", password: `${PASSWORD}\u0000` }, "password"],
      ["a lone surrogate in the email", { email: "ada\uD800@example.com", password: PASSWORD }, "email"],
    ])("sign-in with %s", async (_case, body, field) => {
      const response = await post("sign-in/email", body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        code: INVALID_CHARACTERS,
        message: expect.stringContaining("invalid character"),
        fieldErrors: { [field]: [expect.stringContaining("invalid character")] },
      });
    });

    it.each([
      ["a NUL in the name", { name: "A\u0000da" }, "name"],
      ["a lone surrogate in the name", { name: "Ada \uDE00" }, "name"],
      ["a NUL in the email", { email: "ada\u0000@example.com" }, "email"],
      ["a NUL in the password", { password: `${PASSWORD}\u0000` }, "password"],
      ["a NUL in the time zone", { timeZone: "UTC\u0000" }, "timeZone"],
      ["a NUL in a field the library would store unchecked", { image: "x\u0000" }, "image"],
      ["a NUL deep inside the body", { extra: { list: ["ok", "\u0000"] } }, "extra"],
      ["a NUL in a key", { "na\u0000me": "Ada" }, "(key)"],
    ])("sign-up with %s creates nothing", async (_case, override, field) => {
      const before = await database().prisma.user.count();
      const response = await post("sign-up/email", { name: "Ada", email: newEmail(), password: PASSWORD, ...override });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: INVALID_CHARACTERS, fieldErrors: { [field]: [expect.any(String)] } });
      await expect(database().prisma.user.count()).resolves.toBe(before);
    });

    it("a NUL in the query string", async () => {
      const response = await fetch(`${server.url}/api/auth/get-session?token=a%00b`, {
        headers: { origin: APP_ORIGIN },
      });
      expect(response.status).toBe(400);
      await expect(response.json()).resolves.toMatchObject({
        code: INVALID_CHARACTERS,
        fieldErrors: { "query.token": [expect.any(String)] },
      });
    });
  });

  describe("a server error shows nothing of the database and is logged with the request id", () => {
    it("when the auth library fails on a missing table (its own 500 body used to be empty, the error went to stderr)", async () => {
      const email = newEmail();
      expect((await post("sign-up/email", { name: "Ada", email, password: PASSWORD })).status).toBe(200);

      const response = await withTableGone("sessions", () => post("sign-in/email", { email, password: PASSWORD }));
      expect(response.status).toBe(500);
      expect(response.body).toEqual(AUTH_INTERNAL_ERROR);
      expect(JSON.stringify(response.body)).not.toMatch(INTERNALS);

      const requestId = response.headers.get("x-request-id");
      const logged = server.logLines().find((line) => line.level === 50 && line.requestId === requestId);
      expect(logged).toMatchObject({ path: "/api/auth/sign-in/email", msg: "auth request failed" });
      expect(JSON.stringify(logged)).toContain("sessions");
    });

    it("when the auth library answers 500 itself (get-session with the sessions table gone)", async () => {
      const signedUp = await post("sign-up/email", { name: "Ada", email: newEmail(), password: PASSWORD });
      const cookie = cookieFrom(signedUp.headers);
      const response = await withTableGone("sessions", () =>
        fetch(`${server.url}/api/auth/get-session`, { headers: { cookie, origin: APP_ORIGIN } }),
      );
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body).toEqual(AUTH_INTERNAL_ERROR);
      expect(response.headers.getSetCookie()).toEqual([]);
      const requestId = response.headers.get("x-request-id");
      const logged = server.logLines().find((line) => line.level === 50 && line.requestId === requestId);
      expect(logged).toMatchObject({ status: 500, msg: "the auth library answered with a server error" });
      expect(String(logged?.body)).toContain("FAILED_TO_GET_SESSION");
    });

    it("when the sign-in rate limiter's table fails (its Prisma error text used to be the 500 body)", async () => {
      // The limiter now counts in memory while its table is unusable, so the attempt is answered as usual.
      const response = await withTableGone("rate_limit_buckets", () =>
        post("sign-in/email", { email: newEmail(), password: PASSWORD }),
      );
      expect(response.status).toBe(401);
      expect(JSON.stringify(response.body)).not.toMatch(/prisma|rate_limit_buckets|relation|does not exist/i);
    });
  });

  it("through tRPC, a NUL or an out-of-range date is a 400 with zodError and its stable code", async () => {
    const signedUp = await post("sign-up/email", { name: "Ada", email: newEmail(), password: PASSWORD });
    const client = createAgendaCraftClient({
      url: `${server.url}/trpc`,
      headers: { cookie: cookieFrom(signedUp.headers), origin: APP_ORIGIN },
    });
    const failure = async (call: Promise<unknown>) => {
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCClientError);
      return (error as TRPCClientError<never>).data as unknown as {
        httpStatus: number;
        zodError: { issues: unknown[] } | null;
      };
    };

    const nul = await failure(client.scheduler.tasks.create.mutate({ summary: "a\u0000b" }));
    expect(nul.httpStatus).toBe(400);
    expect(nul.zodError?.issues).toEqual([expect.objectContaining({ path: "summary", code: INVALID_CHARACTERS })]);

    const far = await failure(client.scheduler.tasks.create.mutate({ summary: "x", dueAt: new Date("+010000-01-01") }));
    expect(far.httpStatus).toBe(400);
    expect(far.zodError?.issues).toEqual([
      expect.objectContaining({ path: "dueAt", code: "common.date_out_of_range" }),
    ]);

    await expect(client.scheduler.tasks.list.query()).resolves.toMatchObject({ items: [] });
  });
});
