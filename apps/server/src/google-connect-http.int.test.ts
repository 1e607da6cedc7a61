import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { GOOGLE_CALENDAR_SCOPES } from "@agendacraft/domain/calendars";
import { approveConsent, cancelConsent, type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

// "Connect Google Calendar" the way a browser goes through it: the connect URL from the API,
// the fake Google's consent page, then Google's redirect to our callback route with the
// session cookie, and back to the app.
describe("connecting Google Calendar over HTTP", () => {
  const database = useTestDatabase();
  let fake: FakeGoogle;
  let server: TestServer;

  beforeAll(async () => {
    fake = await startFakeGoogle({ clientId: "agendacraft-http-test", clientSecret: "fake-secret" });
    server = await startTestServer({
      db: database().prisma,
      env: { GOOGLE_CLIENT_ID: fake.clientId, GOOGLE_CLIENT_SECRET: fake.clientSecret, GOOGLE_BASE_URL: fake.url },
    });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  async function signUp() {
    const response = await postJson(`${server.url}/api/auth/sign-up/email`, {
      name: "Mia",
      email: `mia-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    expect(response.status).toBe(200);
    return { cookie: cookieFrom(response.headers) };
  }

  async function connectUrl(cookie: string, returnTo?: string): Promise<string> {
    const response = await callProcedure(server.url, "calendars.google.connectUrl", {
      method: "POST",
      input: returnTo ? { returnTo } : {},
      headers: { cookie, origin: APP_ORIGIN },
    });
    expect(response.status).toBe(200);
    return (response.data as { url: string }).url;
  }

  /** Follows Google's redirect to our callback (registered under PUBLIC_URL) on the test server. */
  async function followCallback(location: string, cookie: string | null) {
    const callback = new URL(location);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${APP_ORIGIN}/api/calendars/google/callback`);
    const response = await fetch(`${server.url}${callback.pathname}${callback.search}`, {
      redirect: "manual",
      headers: cookie ? { cookie } : {},
    });
    await response.body?.cancel();
    return { status: response.status, location: response.headers.get("location") ?? "" };
  }

  it("grants, returns to the app, and the connection with its calendars is listed", async () => {
    const { cookie } = await signUp();
    const email = `mia-${randomUUID()}@gmail.com`;
    fake.addAccount({ email, name: "Mia Example" });
    const url = await connectUrl(cookie, "/settings/connections");
    const authorize = new URL(url);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${fake.url}/o/oauth2/v2/auth`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      access_type: "offline",
      prompt: "consent",
      include_granted_scopes: "true",
      code_challenge_method: "S256",
      response_type: "code",
    });

    const back = await followCallback(await approveConsent(url, { email }), cookie);
    expect(back.status).toBe(303);
    expect(back.location).toMatch(/^\/settings\/connections\?google=connected&connection=[0-9a-f-]{36}$/);

    const list = await callProcedure(server.url, "calendars.list", { headers: { cookie } });
    expect(list.data).toEqual([
      expect.objectContaining({
        kind: "google",
        email,
        name: email,
        status: "ok",
        calendars: [expect.objectContaining({ externalId: email, busy: true, writeTarget: false })],
      }),
    ]);
  });

  it("an unticked calendar permission returns with google=missing_scope naming it, and nothing is connected", async () => {
    const { cookie } = await signUp();
    const email = `ola-${randomUUID()}@gmail.com`;
    const grant = ["openid", "email", ...GOOGLE_CALENDAR_SCOPES.filter((scope) => !scope.endsWith("calendar.events"))];
    const back = await followCallback(await approveConsent(await connectUrl(cookie), { email, grant }), cookie);
    expect(back).toEqual({ status: 303, location: "/settings?google=missing_scope&missing=calendar.events" });
    const list = await callProcedure(server.url, "calendars.list", { headers: { cookie } });
    expect(list.data).toEqual([]);
  });

  it("a callback without the person's session cookie connects nothing", async () => {
    const { cookie } = await signUp();
    const other = await signUp();
    const email = `nia-${randomUUID()}@gmail.com`;
    const location = await approveConsent(await connectUrl(cookie), { email });
    expect((await followCallback(location, null)).location).toBe("/settings?google=failed");
    expect((await followCallback(location, other.cookie)).location).toBe("/settings?google=failed");
    const list = await callProcedure(server.url, "calendars.list", { headers: { cookie } });
    expect(list.data).toEqual([]);
  });

  it("cancelling on Google's page returns with google=denied", async () => {
    const { cookie } = await signUp();
    const back = await followCallback(await cancelConsent(await connectUrl(cookie)), cookie);
    expect(back).toEqual({ status: 303, location: "/settings?google=denied" });
  });
});
