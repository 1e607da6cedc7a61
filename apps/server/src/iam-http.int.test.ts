import { randomUUID } from "node:crypto";
import { createAgendaCraftClient, TRPCClientError } from "@agendacraft/client";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

const PASSWORD = "correct horse battery";

describe("accounts over HTTP", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    // Generous limits here; rate limiting has its own test file.
    server = await startTestServer({
      db: database().prisma,
      env: { AUTH_RATE_LIMIT_PER_IP: "1000", AUTH_RATE_LIMIT_PER_EMAIL: "1000" },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const signUp = (body: Record<string, unknown>) => postJson(`${server.url}/api/auth/sign-up/email`, body);
  const signIn = (email: string, password: string) =>
    postJson(`${server.url}/api/auth/sign-in/email`, { email, password });
  const newEmail = () => `person-${randomUUID()}@example.com`;

  it("signs up, signs in with a cookie, uses a token, revokes it, and signs out", async () => {
    const email = newEmail();
    const signedUp = await signUp({ name: "Ada", email, password: PASSWORD, timeZone: "Europe/Berlin" });
    expect(signedUp.status).toBe(200);
    const sessionCookie = signedUp.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).toMatch(/Max-Age=604800/);

    const signedIn = await signIn(email.toUpperCase(), PASSWORD);
    expect(signedIn.status).toBe(200);
    const cookie = cookieFrom(signedIn.headers);
    const browser = createAgendaCraftClient({ url: `${server.url}/trpc`, headers: { cookie, origin: APP_ORIGIN } });
    const me = await browser.iam.me.query();
    expect(me).toMatchObject({ email, name: "Ada", timeZone: "Europe/Berlin" });

    const { token, secret } = await browser.iam.tokens.create.mutate({ name: "laptop script" });
    const script = createAgendaCraftClient({ url: `${server.url}/trpc`, token: secret });
    await expect(script.iam.me.query()).resolves.toMatchObject({ id: me.id });

    await browser.iam.tokens.revoke.mutate({ id: token.id });
    const afterRevoke = await script.iam.me.query().catch((e: unknown) => e);
    expect(afterRevoke).toBeInstanceOf(TRPCClientError);
    expect((afterRevoke as TRPCClientError<never>).data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });

    const signedOut = await postJson(`${server.url}/api/auth/sign-out`, {}, { cookie, origin: APP_ORIGIN });
    expect(signedOut.status).toBe(200);
    const afterSignOut = await callProcedure(server.url, "iam.me", { headers: { cookie } });
    expect(afterSignOut.status).toBe(401);
  });

  it("slides a session's expiry forward when it is used after a day", async () => {
    const email = newEmail();
    const cookie = cookieFrom((await signUp({ name: "Slide", email, password: PASSWORD })).headers);
    const user = await database().prisma.user.findUniqueOrThrow({ where: { email } });
    // As if the session had been created two days ago: five of its seven days are left.
    const fiveDays = new Date(Date.now() + 5 * 24 * 60 * 60 * 1000);
    await database().prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: fiveDays } });

    const response = await fetch(`${server.url}/trpc/iam.me`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join(";")).toMatch(/better-auth\.session_token=.*Max-Age=604800/);
    const session = await database().prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 24 * 60 * 60 * 1000);
  });

  describe("bad sign-up input gets a field error with a stable code and creates nothing", () => {
    it.each([
      ["a malformed email", { email: "not-an-email" }, "email"],
      ["a short password", { password: "short" }, "password"],
      ["an unknown time zone", { timeZone: "Moon/Base" }, "timeZone"],
      ["a missing name", { name: "  " }, "name"],
    ])("%s", async (_case, override, field) => {
      const before = await database().prisma.user.count();
      const response = await signUp({ name: "Bo", email: newEmail(), password: PASSWORD, ...override });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: "iam.invalid_sign_up" });
      expect((response.body.fieldErrors as Record<string, string[]>)[field]?.[0]).toEqual(expect.any(String));
      await expect(database().prisma.user.count()).resolves.toBe(before);
    });

    it("a duplicate email, whatever its case", async () => {
      const email = newEmail();
      expect((await signUp({ name: "First", email, password: PASSWORD })).status).toBe(200);
      const before = await database().prisma.user.count();
      const duplicate = await signUp({ name: "Second", email: email.toUpperCase(), password: PASSWORD });
      expect(duplicate.status).toBe(422);
      expect(duplicate.body.code).toMatch(/^USER_ALREADY_EXISTS/);
      await expect(database().prisma.user.count()).resolves.toBe(before);
    });
  });

  it("returns an unknown time zone in updateProfile as a field error with the stable code", async () => {
    const email = newEmail();
    const cookie = cookieFrom((await signUp({ name: "Tz", email, password: PASSWORD })).headers);
    const response = await callProcedure(server.url, "iam.updateProfile", {
      method: "POST",
      input: { timeZone: "Atlantis/Capital" },
      headers: { cookie, origin: APP_ORIGIN },
    });
    expect(response.status).toBe(400);
    expect(response.error?.data.zodError).toMatchObject({
      fieldErrors: { timeZone: [expect.stringContaining("Unknown time zone")] },
      issues: [{ path: "timeZone", code: "iam.unknown_time_zone" }],
    });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const email = newEmail();
    await signUp({ name: "Enum", email, password: PASSWORD });

    const unknown = await signIn(newEmail(), PASSWORD);
    const wrong = await signIn(email, "wrong password here");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    // That both take as long (both hash a password) is a timing: sign-in-timing.bench.ts, `pnpm bench`.
  });

  it("ignores the session cookie on a cross-site tRPC mutation and refuses a cross-site sign-out", async () => {
    const email = newEmail();
    const cookie = cookieFrom((await signUp({ name: "Csrf", email, password: PASSWORD })).headers);
    const forged = await callProcedure(server.url, "iam.tokens.create", {
      method: "POST",
      input: { name: "planted by evil.example" },
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(forged.status).toBe(401);
    await expect(database().prisma.apiToken.count({ where: { name: "planted by evil.example" } })).resolves.toBe(0);

    const forgedSignOut = await postJson(
      `${server.url}/api/auth/sign-out`,
      {},
      { cookie, origin: "https://evil.example" },
    );
    expect(forgedSignOut.status).toBe(403);
    expect(forgedSignOut.body).toMatchObject({ code: "iam.cross_site_request" });
    const forgedSignIn = await postJson(
      `${server.url}/api/auth/sign-in/email`,
      { email, password: PASSWORD },
      { origin: "https://evil.example" },
    );
    expect(forgedSignIn.status).toBe(403);
    await expect(callProcedure(server.url, "iam.me", { headers: { cookie } })).resolves.toMatchObject({ status: 200 });
  });

  it("keeps passwords, session cookies and API tokens out of the logs", async () => {
    const email = newEmail();
    const secretPassword = `pw-${randomUUID()}`;
    await signUp({ name: "Logs", email, password: secretPassword });
    const signedIn = await signIn(email, secretPassword);
    const cookie = cookieFrom(signedIn.headers);
    const sessionToken = cookie.split("=")[1]?.split(".")[0] ?? "";
    const browser = createAgendaCraftClient({ url: `${server.url}/trpc`, headers: { cookie, origin: APP_ORIGIN } });
    const { secret } = await browser.iam.tokens.create.mutate({ name: "logged?" });
    await createAgendaCraftClient({ url: `${server.url}/trpc`, token: secret }).iam.me.query();
    await signIn(email, `${secretPassword}-wrong`);

    const logs = server.logText();
    expect(logs).toContain("/api/auth/sign-in/email");
    expect(sessionToken.length).toBeGreaterThan(10);
    for (const secretValue of [secretPassword, sessionToken, secret]) expect(logs).not.toContain(secretValue);
  });
});
