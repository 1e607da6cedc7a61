import { z } from "zod";
import type { TodoistConfig } from "../todoist-config.ts";

type OAuthClient = NonNullable<TodoistConfig["oauth"]>;

/** Todoist's token answer: a long-lived token, or (apps with refresh tokens) one that expires plus a rotating refresh token. */
const ZTokenAnswer = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  refresh_token: z.string().min(1).nullish(),
  expires_in: z.number().positive().nullish(),
});

export type TodoistGrant = { accessToken: string; refreshToken: string | null; expiresInSeconds: number | null };

/** The token endpoint refused the grant (400 invalid_grant and the like): only a new consent helps. */
export class TodoistGrantRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly oauthError: string | null,
  ) {
    super(`Todoist refused the grant (${status} ${oauthError ?? ""})`);
    this.name = "TodoistGrantRefusedError";
  }
}

const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

/** POST /oauth/access_token with the authorization code from the callback. */
export function exchangeTodoistCode(config: TodoistConfig, oauth: OAuthClient, code: string): Promise<TodoistGrant> {
  return tokenRequest(config, {
    client_id: oauth.clientId,
    client_secret: oauth.clientSecret,
    code,
    redirect_uri: oauth.redirectUri,
  });
}

/** POST /oauth/access_token with grant_type=refresh_token; Todoist answers a new access AND refresh token (rotation). */
export function refreshTodoistGrant(
  config: TodoistConfig,
  oauth: OAuthClient,
  refreshToken: string,
): Promise<TodoistGrant> {
  return tokenRequest(config, {
    client_id: oauth.clientId,
    client_secret: oauth.clientSecret,
    grant_type: "refresh_token",
    refresh_token: refreshToken,
  });
}

/**
 * POST /api/v1/revoke (RFC 7009): Todoist forgets the token (and the refresh token issued with
 * it). Only an OAuth app can revoke: a personal API token is the person's own, to reset in Todoist.
 */
export async function revokeTodoistToken(config: TodoistConfig, oauth: OAuthClient, token: string): Promise<void> {
  const response = await fetch(new URL("/api/v1/revoke", config.apiOrigin), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: oauth.clientId, client_secret: oauth.clientSecret, token }),
    signal: AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`Todoist answered ${response.status} to the revocation`);
}

async function tokenRequest(config: TodoistConfig, form: Record<string, string>): Promise<TodoistGrant> {
  const response = await fetch(new URL("/oauth/access_token", config.apiOrigin), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const body = safeJson(text);
  if (response.status >= 400 && response.status < 500) {
    const error = (body as { error?: unknown } | null)?.error;
    throw new TodoistGrantRefusedError(response.status, typeof error === "string" ? error : null);
  }
  if (!response.ok) throw new Error(`Todoist's token endpoint answered ${response.status}`);
  const answer = ZTokenAnswer.parse(body);
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? null,
    expiresInSeconds: answer.expires_in ?? null,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
