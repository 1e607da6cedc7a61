import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

// "Connect Todoist" the way a browser goes through it: the connect URL from the API, the fake
// Todoist's consent page (approved at once), Todoist's redirect to our callback route with the
// session cookie, and back to the app; then the connection is in todoist.status().
describe("connecting Todoist through OAuth over HTTP", () => {
  const database = useTestDatabase();
  let fake: FakeTodoist;
  let server: TestServer;

  beforeAll(async () => {
    fake = await startFakeTodoist();
    server = await startTestServer({
      db: database().prisma,
      env: {
        TODOIST_CLIENT_ID: fake.clientId,
        TODOIST_CLIENT_SECRET: fake.clientSecret,
        TODOIST_BASE_URL: fake.url,
      },
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
    const response = await callProcedure(server.url, "todoist.connectUrl", {
      method: "POST",
      input: returnTo ? { returnTo } : {},
      headers: { cookie, origin: APP_ORIGIN },
    });
    expect(response.status).toBe(200);
    return (response.data as { url: string }).url;
  }

  /** The fake's consent page, answered at once for `email`: where Todoist sends the browser back. */
  async function consent(url: string, email: string | false): Promise<string> {
    fake.setAutoApprove(email);
    const response = await fetch(url, { redirect: "manual" });
    await response.body?.cancel();
    expect(response.status).toBe(302);
    return response.headers.get("location") ?? "";
  }

  /** Follows Todoist's redirect to our callback (registered under PUBLIC_URL) on the test server. */
  async function followCallback(location: string, cookie: string | null) {
    const callback = new URL(location);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${APP_ORIGIN}/api/integrations/todoist/callback`);
    const response = await fetch(`${server.url}${callback.pathname}${callback.search}`, {
      redirect: "manual",
      headers: cookie ? { cookie } : {},
    });
    await response.body?.cancel();
    return { status: response.status, location: response.headers.get("location") ?? "" };
  }

  it("grants, returns to the app, and status shows the OAuth connection", async () => {
    const { cookie } = await signUp();
    const email = `mia-${randomUUID()}@example.com`;
    fake.addAccount({ email, fullName: "Mia Example" });
    const url = await connectUrl(cookie, "/settings/connections");
    expect(url.startsWith(`${fake.url}/oauth/authorize?`)).toBe(true);

    const back = await followCallback(await consent(url, email), cookie);
    expect(back).toEqual({ status: 303, location: "/settings/connections?todoist=connected" });

    const status = await callProcedure(server.url, "todoist.status", { headers: { cookie } });
    expect(status.data).toMatchObject({
      connected: true,
      account: { email, name: "Mia Example" },
      authKind: "oauth",
      needsReconnect: false,
      oauthAvailable: true,
    });
    // Our token exchange was a form POST to /oauth/access_token, then one GET /api/v1/user.
    expect(fake.requests.filter((request) => request.path === "/oauth/access_token")).toHaveLength(1);
  });

  it("a refusal on the consent page comes back as ?todoist=error&reason=denied", async () => {
    const { cookie } = await signUp();
    const url = await connectUrl(cookie);
    const state = new URL(url).searchParams.get("state") ?? "";
    const denied = new URL(`${APP_ORIGIN}/api/integrations/todoist/callback`);
    denied.searchParams.set("error", "access_denied");
    denied.searchParams.set("state", state);
    const back = await followCallback(denied.toString(), cookie);
    expect(back).toEqual({ status: 303, location: "/settings?todoist=error&reason=denied" });
    const status = await callProcedure(server.url, "todoist.status", { headers: { cookie } });
    expect(status.data).toMatchObject({ connected: false });
  });

  it("a callback without the session that asked, or with a state never issued, connects nothing and is never a 500", async () => {
    const { cookie } = await signUp();
    const email = `mia-${randomUUID()}@example.com`;
    const location = await consent(await connectUrl(cookie), email);
    expect(await followCallback(location, null)).toEqual({
      status: 303,
      location: "/settings?todoist=error&reason=failed",
    });
    const forged = new URL(location);
    forged.searchParams.set("state", "never-issued");
    expect(await followCallback(forged.toString(), cookie)).toEqual({
      status: 303,
      location: "/settings?todoist=error&reason=expired",
    });
    const garbage = await followCallback(
      `${APP_ORIGIN}/api/integrations/todoist/callback?code[]=x&state=${"s".repeat(500)}`,
      cookie,
    );
    expect(garbage).toEqual({ status: 303, location: "/settings?todoist=error&reason=expired" });
    const status = await callProcedure(server.url, "todoist.status", { headers: { cookie } });
    expect(status.data).toMatchObject({ connected: false });
  });
});
