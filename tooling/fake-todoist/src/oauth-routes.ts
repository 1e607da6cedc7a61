import type { FastifyInstance, FastifyReply } from "fastify";
import { consentPage, errorPage } from "./consent-page.ts";
import type { FakeTodoistCore } from "./fake-todoist-core.ts";
import { opaque } from "./ids.ts";

type Form = Record<string, unknown>;

const text = (value: unknown) =>
  typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;

/** The scopes Todoist documents; a request must ask for at least one, comma separated. */
const SCOPES = new Set(["task:add", "data:read", "data:read_write", "data:delete", "project:delete", "backups:read"]);
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** OAuth errors as RFC 6749 section 5.2 names them. */
function oauthError(reply: FastifyReply, status: number, error: string) {
  return reply.code(status).type("application/json").send({ error });
}

function redirectWith(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * todoist.com/oauth/authorize (the consent page) and /oauth/access_token (code exchange and,
 * for apps with refresh tokens, the refresh_token grant with rotation).
 */
export function registerOAuthRoutes(app: FastifyInstance, core: FakeTodoistCore): void {
  app.get("/oauth/authorize", async (request, reply) => {
    const query = request.query as Form;
    const clientId = text(query.client_id);
    const state = text(query.state) ?? "";
    const scope = text(query.scope) ?? "";
    if (clientId !== core.clientId) {
      return reply.code(400).type("text/html").send(errorPage(400, "Invalid client_id: no such app."));
    }
    const registered = core.options.redirectUri;
    const asked = text(query.redirect_uri);
    if (registered && asked && asked !== registered) {
      return reply
        .code(400)
        .type("text/html")
        .send(errorPage(400, "redirect_uri does not match the app's OAuth redirect URL."));
    }
    const redirectUri = asked ?? registered;
    if (!redirectUri || !/^https?:\/\//.test(redirectUri)) {
      return reply.code(400).type("text/html").send(errorPage(400, "The app has no OAuth redirect URL."));
    }
    if (!state) return reply.redirect(redirectWith(redirectUri, { error: "invalid_request" }), 302);
    const scopes = scope.split(",").map((each) => each.trim());
    if (!scope || scopes.some((each) => !SCOPES.has(each))) {
      return reply.redirect(redirectWith(redirectUri, { error: "invalid_scope", state }), 302);
    }
    if (core.autoApprove) return reply.redirect(approved(core, core.autoApprove, scope, state, redirectUri), 302);
    const id = opaque("consent-");
    core.pendingConsents.set(id, { clientId, scope, state, redirectUri });
    return reply.type("text/html").send(consentPage(id, scope, core.defaultEmail));
  });

  app.post("/oauth/authorize/decision", async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    const id = text(form.consent) ?? "";
    const consent = core.pendingConsents.get(id);
    if (!consent) {
      return reply.code(400).type("text/html").send(errorPage(400, "This page has expired or was already answered."));
    }
    core.pendingConsents.delete(id);
    if (text(form.decision) !== "agree") {
      return reply.redirect(redirectWith(consent.redirectUri, { error: "access_denied", state: consent.state }), 302);
    }
    const email = text(form.email)?.trim() || core.defaultEmail;
    core.addAccount({ email });
    return reply.redirect(approved(core, email, consent.scope, consent.state, consent.redirectUri), 302);
  });

  app.post("/oauth/access_token", async (request, reply) => {
    const form = { ...((request.query ?? {}) as Form), ...((request.body ?? {}) as Form) };
    if (text(form.client_id) !== core.clientId || text(form.client_secret) !== core.clientSecret) {
      return oauthError(reply, 400, "invalid_client");
    }
    const grantType = text(form.grant_type) ?? "authorization_code";
    if (grantType === "authorization_code") {
      const code = core.codes.get(text(form.code) ?? "");
      if (!code || code.used || code.expiresAt <= core.now().getTime()) return oauthError(reply, 400, "invalid_grant");
      const redirectUri = text(form.redirect_uri);
      if (redirectUri && redirectUri !== code.redirectUri) return oauthError(reply, 400, "invalid_grant");
      code.used = true;
      return reply.send(core.issueOAuthTokens(code.email, code.scope));
    }
    if (grantType === "refresh_token") {
      if (core.options.refreshTokens === false) return oauthError(reply, 400, "unsupported_grant_type");
      const presented = text(form.refresh_token) ?? "";
      const grant = core.refreshTokens.get(presented);
      if (!grant) return oauthError(reply, 400, "invalid_grant");
      // Rotation: the presented refresh token is spent; the answer carries its successor.
      core.refreshTokens.delete(presented);
      core.usedRefreshTokens.add(presented);
      return reply.send(core.issueOAuthTokens(grant.email, grant.scope));
    }
    return oauthError(reply, 400, "unsupported_grant_type");
  });
}

function approved(core: FakeTodoistCore, email: string, scope: string, state: string, redirectUri: string): string {
  const code = opaque("");
  core.codes.set(code, {
    email: email.toLowerCase(),
    scope,
    redirectUri,
    expiresAt: core.now().getTime() + CODE_LIFETIME_MS,
    used: false,
  });
  return redirectWith(redirectUri, { code, state });
}
