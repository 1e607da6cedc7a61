import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveConsent, cancelConsent } from "./approve-consent.ts";
import { todoistClient } from "./client-for-tests.ts";
import { type FakeTodoist, startFakeTodoist } from "./start-fake-todoist.ts";

const REDIRECT_URI = "http://127.0.0.1:9/api/integrations/todoist/callback";
let fake: FakeTodoist;
let now = new Date("2026-03-04T10:00:00Z");

beforeAll(async () => {
  fake = await startFakeTodoist({
    clientId: "client-1",
    clientSecret: "secret-1",
    redirectUri: REDIRECT_URI,
    now: () => now,
  });
});
afterAll(async () => {
  await fake.close();
});

const authorizeUrl = (state: string, scope = "data:read_write") =>
  `${fake.url}/oauth/authorize?${new URLSearchParams({ client_id: "client-1", scope, state })}`;

async function exchange(form: Record<string, string>) {
  const response = await fetch(`${fake.url}/oauth/access_token`, {
    method: "POST",
    body: new URLSearchParams({ client_id: "client-1", client_secret: "secret-1", ...form }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string | number> };
}

describe("the OAuth code flow", () => {
  it("sends the browser back with a code and the state; the code buys a working token once", async () => {
    const back = new URL(await approveConsent(authorizeUrl("state-1"), { email: "linus@example.com" }));
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    expect(back.searchParams.get("state")).toBe("state-1");
    const code = back.searchParams.get("code") ?? "";

    const tokens = await exchange({ code });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({
      access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      token_type: "Bearer",
      refresh_token: expect.any(String),
      expires_in: 3600,
    });
    const user = await todoistClient(fake.url, String(tokens.body.access_token)).get("/api/v1/user");
    expect(user.body).toMatchObject({ email: "linus@example.com" });

    expect(await exchange({ code })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("says access_denied when the person cancels, and invalid_scope for an unknown scope", async () => {
    const cancelled = new URL(await cancelConsent(authorizeUrl("state-2")));
    expect(cancelled.searchParams.get("error")).toBe("access_denied");
    expect(cancelled.searchParams.get("state")).toBe("state-2");

    const badScope = await fetch(authorizeUrl("state-3", "everything"), { redirect: "manual" });
    expect(badScope.status).toBe(302);
    expect(new URL(badScope.headers.get("location") ?? "").searchParams.get("error")).toBe("invalid_scope");
  });

  it("rejects a wrong client secret", async () => {
    const back = new URL(await approveConsent(authorizeUrl("state-4")));
    const response = await fetch(`${fake.url}/oauth/access_token`, {
      method: "POST",
      body: new URLSearchParams({
        client_id: "client-1",
        client_secret: "wrong",
        code: back.searchParams.get("code") ?? "",
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_client" });
  });
});

describe("rotating refresh tokens", () => {
  it("an expired access token answers 401; the refresh token buys a new pair once, and the spent one is refused", async () => {
    fake.setAutoApprove("refresh@example.com");
    const location = await approveConsent(authorizeUrl("state-5"));
    fake.setAutoApprove(false);
    const first = await exchange({ code: new URL(location).searchParams.get("code") ?? "" });
    const access = String(first.body.access_token);

    now = new Date(now.getTime() + 3601 * 1000);
    const expired = await todoistClient(fake.url, access).get("/api/v1/user");
    expect(expired.status).toBe(401);

    const refreshed = await exchange({ grant_type: "refresh_token", refresh_token: String(first.body.refresh_token) });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect((await todoistClient(fake.url, String(refreshed.body.access_token)).get("/api/v1/user")).body).toMatchObject(
      {
        email: "refresh@example.com",
      },
    );

    const reused = await exchange({ grant_type: "refresh_token", refresh_token: String(first.body.refresh_token) });
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });
});

describe("scopes and revocation", () => {
  async function connect(scope: string, email: string) {
    fake.setAutoApprove(email);
    const location = await approveConsent(authorizeUrl(`state-${email}`, scope));
    fake.setAutoApprove(false);
    return exchange({ code: new URL(location).searchParams.get("code") ?? "" });
  }

  it("a data:read token reads but its commands answer 403 AUTH_INSUFFICIENT_TOKEN_SCOPE", async () => {
    const tokens = await connect("data:read", "reader@example.com");
    const client = todoistClient(fake.url, String(tokens.body.access_token));
    expect((await client.sync({ sync_token: "*", resource_types: ["items"] })).status).toBe(200);
    const write = await client.sync({
      commands: [{ type: "item_add", uuid: "scoped", temp_id: "t", args: { content: "No" } }],
    });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ error_tag: "AUTH_INSUFFICIENT_TOKEN_SCOPE", http_code: 403 });
    expect(fake.tasks("reader@example.com")).toEqual([]);
  });

  it("POST /api/v1/revoke forgets the access token and its refresh token", async () => {
    const tokens = await connect("data:read_write", "revoke@example.com");
    const basic = Buffer.from("client-1:secret-1").toString("base64");
    const revoked = await fetch(`${fake.url}/api/v1/revoke`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}` },
      body: new URLSearchParams({ token: String(tokens.body.access_token) }),
    });
    expect(revoked.status).toBe(200);
    expect((await todoistClient(fake.url, String(tokens.body.access_token)).get("/api/v1/user")).status).toBe(401);
    const refresh = await exchange({ grant_type: "refresh_token", refresh_token: String(tokens.body.refresh_token) });
    expect(refresh).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });
});
