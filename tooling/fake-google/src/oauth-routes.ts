import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type AuthorizationRequest,
  grantedScopes,
  isAuthorizationFailure,
  readAuthorizationRequest,
} from "./authorization-request.ts";
import { consentPage, errorPage } from "./consent-page.ts";
import type { FakeGoogleCore } from "./fake-google-core.ts";
import { sendOAuthError } from "./google-errors.ts";
import { opaqueToken } from "./ids.ts";
import { SCOPES } from "./scopes.ts";

type Form = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** accounts.google.com and oauth2.googleapis.com: consent, code exchange, refresh, revoke, keys, userinfo. */
export function registerOAuthRoutes(app: FastifyInstance, core: FakeGoogleCore): void {
  app.get("/o/oauth2/v2/auth", async (request, reply) => {
    const query = Object.fromEntries(Object.entries(request.query as Form).map(([key, value]) => [key, first(value)]));
    const read = readAuthorizationRequest(
      query,
      { clientId: core.options.clientId, redirectUris: core.options.redirectUris },
      opaqueToken("consent-"),
    );
    if (isAuthorizationFailure(read)) return reply.code(read.status).type("text/html").send(errorPage(read));
    if (core.autoApprove) {
      const account = core.addAccount(core.autoApprove);
      return reply.redirect(approvedRedirect(core, read, account.email, read.scopes), 302);
    }
    // prompt=none must not show a page: without the auto-approving account there is no signed-in session.
    if (read.prompt.includes("none")) {
      return reply.redirect(redirectWith(read, { error: "interaction_required" }), 302);
    }
    core.pendingConsents.set(read.id, read);
    const hinted = read.loginHint ? core.accounts.find(read.loginHint) : undefined;
    const account = hinted ?? (read.loginHint ? { email: read.loginHint, name: "" } : core.defaultAccount);
    return reply.type("text/html").send(consentPage(read, account));
  });

  app.post("/o/oauth2/v2/auth/decision", async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    const consent = core.pendingConsents.get(first(form.request) ?? "");
    if (!consent) {
      const failure = {
        status: 400,
        error: "invalid_request",
        description: "This consent page has expired or was already answered.",
      };
      return reply.code(400).type("text/html").send(errorPage(failure));
    }
    core.pendingConsents.delete(consent.id);
    if (first(form.decision) !== "allow") return reply.redirect(redirectWith(consent, { error: "access_denied" }), 302);
    const email = first(form.email)?.trim();
    if (!email?.includes("@")) {
      core.pendingConsents.set(consent.id, consent);
      const failure = { status: 400, error: "invalid_request", description: "Enter the email of the account to use." };
      return reply.code(400).type("text/html").send(errorPage(failure));
    }
    const name = first(form.name)?.trim();
    const account = core.addAccount({ email, ...(name ? { name } : {}) });
    const granted = grantedScopes(consent, all(form.scope));
    return reply.redirect(approvedRedirect(core, consent, account.email, granted), 302);
  });

  app.post("/token", async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    const client = authenticateClient(request, form, core);
    if (client === "unknown") return sendOAuthError(reply, 401, "invalid_client", "The OAuth client was not found.");
    if (client === "unauthorized") return sendOAuthError(reply, 401, "invalid_client", "Unauthorized");
    const grantType = first(form.grant_type);
    if (grantType === "authorization_code") return exchangeCode(core, form, reply);
    if (grantType === "refresh_token") return refresh(core, form, reply);
    if (!grantType) return sendOAuthError(reply, 400, "invalid_request", "Missing required parameter: grant_type");
    return sendOAuthError(reply, 400, "unsupported_grant_type", `Invalid grant_type: ${grantType}`);
  });

  app.post("/revoke", async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    const token = first((request.query as Form).token) ?? first(form.token);
    if (!token) return sendOAuthError(reply, 400, "invalid_request", "Missing required parameter: token");
    if (!core.grants.revokeToken(token)) return sendOAuthError(reply, 400, "invalid_token", "Token expired or revoked");
    return reply.send({});
  });

  app.get("/oauth2/v3/certs", async (_request, reply) =>
    reply.header("cache-control", "public, max-age=21600").send(core.keys.jwks),
  );
  app.get("/oauth2/v1/certs", async (_request, reply) =>
    reply.header("cache-control", "public, max-age=21600").send(core.keys.pems),
  );

  app.get("/.well-known/openid-configuration", async () => ({
    issuer: core.origin,
    authorization_endpoint: `${core.origin}/o/oauth2/v2/auth`,
    token_endpoint: `${core.origin}/token`,
    userinfo_endpoint: `${core.origin}/v1/userinfo`,
    revocation_endpoint: `${core.origin}/revoke`,
    jwks_uri: `${core.origin}/oauth2/v3/certs`,
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "email", "profile"],
    token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
    claims_supported: ["aud", "email", "email_verified", "exp", "iat", "iss", "name", "picture", "sub"],
    code_challenge_methods_supported: ["plain", "S256"],
    grant_types_supported: ["authorization_code", "refresh_token"],
  }));

  const userinfo = async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const token = bearer ? core.grants.validAccessToken(bearer) : undefined;
    if (!token) {
      reply.header("www-authenticate", 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
      return sendOAuthError(reply, 401, "invalid_request", "Invalid Credentials");
    }
    const account = core.accounts.get(token.grant.email);
    const info: Record<string, unknown> = { sub: account.sub };
    if (token.scopes.includes(SCOPES.profile)) {
      Object.assign(info, { name: account.name, given_name: account.name.split(" ")[0], picture: account.picture });
    }
    if (token.scopes.includes(SCOPES.email)) Object.assign(info, { email: account.email, email_verified: true });
    return reply.send(info);
  };
  app.get("/v1/userinfo", userinfo);
  app.post("/v1/userinfo", userinfo);
  app.get("/oauth2/v3/userinfo", userinfo);
}

function redirectWith(request: AuthorizationRequest, params: Record<string, string>): string {
  const url = new URL(request.redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (request.state !== undefined) url.searchParams.set("state", request.state);
  return url.toString();
}

function approvedRedirect(
  core: FakeGoogleCore,
  request: AuthorizationRequest,
  email: string,
  granted: string[],
): string {
  const code = core.issueCode(request, email, granted);
  const scope = core.codes.get(code)?.tokenScopes ?? granted;
  return redirectWith(request, { code, scope: scope.join(" "), authuser: "0", prompt: "consent", iss: core.origin });
}

/** client_secret_post or HTTP Basic (client_secret_basic), as Google's token endpoint accepts. */
function authenticateClient(
  request: FastifyRequest,
  form: Form,
  core: FakeGoogleCore,
): "ok" | "unknown" | "unauthorized" {
  let clientId = first(form.client_id);
  let secret = first(form.client_secret);
  const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    clientId = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  if (clientId !== core.options.clientId) return "unknown";
  if (!secret || !sameText(secret, core.options.clientSecret)) return "unauthorized";
  return "ok";
}

async function exchangeCode(core: FakeGoogleCore, form: Form, reply: FastifyReply) {
  const codeValue = first(form.code);
  if (!codeValue) return sendOAuthError(reply, 400, "invalid_request", "Missing required parameter: code");
  const code = core.codes.get(codeValue);
  if (!code || code.expiresAt < Date.now()) return sendOAuthError(reply, 400, "invalid_grant", "Malformed auth code.");
  if (code.used) return sendOAuthError(reply, 400, "invalid_grant", "Bad Request");
  if (first(form.redirect_uri) !== code.request.redirectUri) {
    return sendOAuthError(reply, 400, "redirect_uri_mismatch", "Bad Request");
  }
  const pkce = checkCodeVerifier(code.request, first(form.code_verifier));
  if (pkce) return sendOAuthError(reply, 400, "invalid_grant", pkce);
  code.used = true;
  const grant = core.grants.current(code.email, code.request.clientId);
  if (!grant) return sendOAuthError(reply, 400, "invalid_grant", "Token has been expired or revoked.");
  // A refresh token comes with offline access, on the first grant or when consent was asked for again.
  const wantsRefresh =
    code.request.accessType === "offline" && (code.request.prompt.includes("consent") || !grant.refreshToken);
  const refreshToken = wantsRefresh ? core.grants.issueRefreshToken(grant) : undefined;
  return reply.send(await core.tokenResponse(grant, code.tokenScopes, { refreshToken, nonce: code.request.nonce }));
}

async function refresh(core: FakeGoogleCore, form: Form, reply: FastifyReply) {
  const token = first(form.refresh_token);
  if (!token) return sendOAuthError(reply, 400, "invalid_request", "Missing required parameter: refresh_token");
  const grant = core.grants.byRefreshToken(token);
  if (grant) core.grants.countRefresh(grant);
  if (!grant || grant.revoked) {
    return sendOAuthError(reply, 400, "invalid_grant", "Token has been expired or revoked.");
  }
  if (grant.clientId !== core.options.clientId)
    return sendOAuthError(reply, 401, "unauthorized_client", "Unauthorized");
  return reply.send(await core.tokenResponse(grant, [...grant.scopes]));
}

/** RFC 7636 section 4.6; the wording is Google's. */
function checkCodeVerifier(request: AuthorizationRequest, verifier: string | undefined): string | undefined {
  if (!request.codeChallenge) return undefined;
  if (!verifier) return "Missing code verifier.";
  const computed =
    request.codeChallengeMethod === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return sameText(computed, request.codeChallenge) ? undefined : "Invalid code verifier.";
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
