import { CodeChallengeMethod, OAuth2Client } from "google-auth-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveConsent, cancelConsent } from "./approve-consent.ts";
import { SCOPES } from "./scopes.ts";
import { type FakeGoogle, startFakeGoogle } from "./start-fake-google.ts";

const CLIENT_ID = "agendacraft-test.apps.googleusercontent.com";
const CLIENT_SECRET = "test-secret";
const REDIRECT_URI = "http://127.0.0.1:9/api/google/callback";
const CALENDAR_SCOPES = [SCOPES.calendarListReadonly, SCOPES.events, SCOPES.appCreated];

let fake: FakeGoogle;

beforeAll(async () => {
  fake = await startFakeGoogle({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
});
afterAll(async () => {
  await fake.close();
});

/** google-auth-library's own client, as AgendaCraft builds it, pointed at the fake. */
function oauthClient(): OAuth2Client {
  return new OAuth2Client({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    endpoints: {
      oauth2AuthBaseUrl: `${fake.url}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${fake.url}/token`,
      oauth2RevokeUrl: `${fake.url}/revoke`,
      oauth2FederatedSignonJwkCertsUrl: `${fake.url}/oauth2/v3/certs`,
      oauth2FederatedSignonPemCertsUrl: `${fake.url}/oauth2/v1/certs`,
    },
    issuers: [fake.url],
  });
}

async function connect(options: { email: string; grant?: string[]; prompt?: string; scopes?: string[] }) {
  const client = oauthClient();
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: "offline",
    prompt: options.prompt ?? "consent",
    include_granted_scopes: true,
    scope: options.scopes ?? ["openid", "email", "profile", ...CALENDAR_SCOPES],
    state: "state-123",
    code_challenge: codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
    nonce: "nonce-9",
  });
  const back = new URL(
    await approveConsent(url, {
      email: options.email,
      name: "Grace Hopper",
      ...(options.grant ? { grant: options.grant } : {}),
    }),
  );
  return { client, codeVerifier, back };
}

describe("the OAuth 2.0 web-server flow", () => {
  it("sends the browser back with a code, the state and the granted scopes, and the code buys tokens once", async () => {
    const { client, codeVerifier, back } = await connect({ email: "grace@example.com" });
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    expect(back.searchParams.get("state")).toBe("state-123");
    expect(back.searchParams.get("scope")?.split(" ")).toEqual(expect.arrayContaining(CALENDAR_SCOPES));
    const code = back.searchParams.get("code") ?? "";

    const { tokens } = await client.getToken({ code, codeVerifier });
    expect(tokens.access_token).toMatch(/^ya29\./);
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    expect(tokens.token_type).toBe("Bearer");
    expect(tokens.scope?.split(" ")).toEqual(expect.arrayContaining(["openid", ...CALENDAR_SCOPES]));

    await expect(client.getToken({ code, codeVerifier })).rejects.toMatchObject({
      response: { status: 400, data: { error: "invalid_grant" } },
    });
  });

  it("signs an id_token that google-auth-library verifies against the fake's keys", async () => {
    const { client, codeVerifier, back } = await connect({ email: "grace@example.com" });
    const { tokens } = await client.getToken({ code: back.searchParams.get("code") ?? "", codeVerifier });
    const ticket = await client.verifyIdToken({ idToken: tokens.id_token ?? "", audience: CLIENT_ID });
    const payload = ticket.getPayload();
    expect(payload).toMatchObject({
      iss: fake.url,
      aud: CLIENT_ID,
      email: "grace@example.com",
      email_verified: true,
      name: "Grace Hopper",
      nonce: "nonce-9",
    });
    expect(payload?.sub).toMatch(/^\d{21}$/);
    expect(payload?.sub).toBe(fake.accounts().find((account) => account.email === "grace@example.com")?.sub);
  });

  it("refuses a code without the PKCE verifier, or with the wrong one", async () => {
    const first = await connect({ email: "pkce@example.com" });
    await expect(first.client.getToken({ code: first.back.searchParams.get("code") ?? "" })).rejects.toMatchObject({
      response: { status: 400, data: { error: "invalid_grant", error_description: "Missing code verifier." } },
    });
    const second = await connect({ email: "pkce@example.com" });
    await expect(
      second.client.getToken({ code: second.back.searchParams.get("code") ?? "", codeVerifier: "x".repeat(43) }),
    ).rejects.toMatchObject({
      response: { data: { error: "invalid_grant", error_description: "Invalid code verifier." } },
    });
  });

  it("grants only the ticked scopes when the person unticks one", async () => {
    const { client, codeVerifier, back } = await connect({
      email: "careful@example.com",
      grant: [SCOPES.calendarListReadonly],
    });
    const granted = back.searchParams.get("scope")?.split(" ") ?? [];
    expect(granted).toContain(SCOPES.calendarListReadonly);
    expect(granted).not.toContain(SCOPES.events);
    const { tokens } = await client.getToken({ code: back.searchParams.get("code") ?? "", codeVerifier });
    expect(tokens.scope?.split(" ")).not.toContain(SCOPES.events);

    const events = await fetch(`${fake.url}/calendar/v3/calendars/primary/events`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(events.status).toBe(403);
    expect(await events.json()).toMatchObject({
      error: { code: 403, errors: [{ reason: "insufficientPermissions" }] },
    });
  });

  it("adds new scopes to what was granted before, with include_granted_scopes (incremental authorization)", async () => {
    const signIn = await connect({ email: "incremental@example.com", scopes: ["openid", "email", "profile"] });
    expect(signIn.back.searchParams.get("scope")?.split(" ")).not.toContain(SCOPES.events);
    const calendar = await connect({ email: "incremental@example.com", scopes: [SCOPES.events] });
    const { tokens } = await calendar.client.getToken({
      code: calendar.back.searchParams.get("code") ?? "",
      codeVerifier: calendar.codeVerifier,
    });
    expect(tokens.scope?.split(" ").sort()).toEqual(["openid", SCOPES.email, SCOPES.profile, SCOPES.events].sort());
    expect(fake.grantedScopes("incremental@example.com")).toContain(SCOPES.events);
  });

  it("answers Cancel with error=access_denied and the state", async () => {
    const client = oauthClient();
    const url = client.generateAuthUrl({ scope: ["openid", ...CALENDAR_SCOPES], state: "s-1" });
    const back = new URL(await cancelConsent(url));
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("state")).toBe("s-1");
    expect(back.searchParams.has("code")).toBe(false);
  });

  it("gives a refresh token only with offline access, on the first grant or with prompt=consent", async () => {
    const firstTime = await connect({ email: "offline@example.com", prompt: "select_account" });
    const first = await firstTime.client.getToken({
      code: firstTime.back.searchParams.get("code") ?? "",
      codeVerifier: firstTime.codeVerifier,
    });
    expect(first.tokens.refresh_token).toBeTruthy();
    const again = await connect({ email: "offline@example.com", prompt: "select_account" });
    const second = await again.client.getToken({
      code: again.back.searchParams.get("code") ?? "",
      codeVerifier: again.codeVerifier,
    });
    expect(second.tokens.refresh_token).toBeUndefined();
  });

  it("refreshes an access token, counts refreshes, and answers invalid_grant once the grant is revoked", async () => {
    const { client, codeVerifier, back } = await connect({ email: "refresh@example.com" });
    const { tokens } = await client.getToken({ code: back.searchParams.get("code") ?? "", codeVerifier });
    client.setCredentials({ refresh_token: tokens.refresh_token ?? null });
    const refreshed = await client.refreshAccessToken();
    expect(refreshed.credentials.access_token).toMatch(/^ya29\./);
    expect(refreshed.credentials.access_token).not.toBe(tokens.access_token);
    expect(fake.tokenRefreshes("refresh@example.com")).toBe(1);

    fake.injectInvalidGrant("refresh@example.com");
    await expect(client.refreshAccessToken()).rejects.toMatchObject({
      response: {
        status: 400,
        data: { error: "invalid_grant", error_description: "Token has been expired or revoked." },
      },
    });
    expect(fake.tokenRefreshes("refresh@example.com")).toBe(2);
    const calendarList = await fetch(`${fake.url}/calendar/v3/users/me/calendarList`, {
      headers: { authorization: `Bearer ${refreshed.credentials.access_token}` },
    });
    expect(calendarList.status).toBe(401);
  });

  it("revokes a refresh token, which ends its access tokens too", async () => {
    const tokens = await fake.issueTokens({ email: "revoke@example.com" });
    await oauthClient().revokeToken(tokens.refreshToken);
    const calendarList = await fetch(`${fake.url}/calendar/v3/users/me/calendarList`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(calendarList.status).toBe(401);
    expect(await calendarList.json()).toMatchObject({ error: { code: 401, errors: [{ reason: "authError" }] } });
  });

  it("answers userinfo for the token's account", async () => {
    const tokens = await fake.issueTokens({ email: "info@example.com" });
    const response = await fetch(`${fake.url}/v1/userinfo`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(await response.json()).toMatchObject({ email: "info@example.com", email_verified: true, name: "Info" });
  });

  it("shows an error page, not a redirect, for an unknown client or a bad request", async () => {
    const unknown = await fetch(
      `${fake.url}/o/oauth2/v2/auth?client_id=other&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&response_type=code&scope=openid`,
      { redirect: "manual" },
    );
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain("invalid_client");
    const badScope = await fetch(
      `${fake.url}/o/oauth2/v2/auth?client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&response_type=code&scope=openid%20nonsense`,
      { redirect: "manual" },
    );
    expect(badScope.status).toBe(400);
    expect(await badScope.text()).toContain("invalid_scope");
  });

  it("with autoApprove redirects at once with every requested scope", async () => {
    fake.setAutoApprove({ email: "auto@example.com", name: "Auto" });
    try {
      const url = oauthClient().generateAuthUrl({ scope: ["openid", ...CALENDAR_SCOPES], state: "a" });
      const response = await fetch(url, { redirect: "manual" });
      expect(response.status).toBe(302);
      const back = new URL(response.headers.get("location") ?? "");
      expect(back.searchParams.get("code")).toBeTruthy();
      expect(back.searchParams.get("scope")?.split(" ")).toEqual(expect.arrayContaining(CALENDAR_SCOPES));
    } finally {
      fake.setAutoApprove(false);
    }
  });
});
