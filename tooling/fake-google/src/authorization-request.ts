import { isSignInScope, parseScopes, unknownScopes } from "./scopes.ts";

/** A validated `GET /o/oauth2/v2/auth` request, kept while the consent page is open. */
export type AuthorizationRequest = {
  id: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: "S256" | "plain" | undefined;
  accessType: "online" | "offline";
  prompt: string[];
  includeGrantedScopes: boolean;
  nonce: string | undefined;
  loginHint: string | undefined;
};

/** What Google shows instead of redirecting: the request cannot be trusted to go back to the client. */
export type AuthorizationFailure = { status: number; error: string; description: string };

export type ClientRegistration = { clientId: string; redirectUris: string[] | undefined };

const PROMPTS = new Set(["none", "consent", "select_account"]);

/**
 * Checks an authorization request as Google's OAuth 2.0 web-server flow documents it.
 * Every failure is shown as an error page, never redirected.
 */
export function readAuthorizationRequest(
  query: Record<string, string | undefined>,
  client: ClientRegistration,
  id: string,
): AuthorizationRequest | AuthorizationFailure {
  const missing = (name: string): AuthorizationFailure => ({
    status: 400,
    error: "invalid_request",
    description: `Missing required parameter: ${name}`,
  });
  const invalid = (description: string): AuthorizationFailure => ({
    status: 400,
    error: "invalid_request",
    description,
  });
  if (!query.client_id) return missing("client_id");
  if (query.client_id !== client.clientId) {
    return { status: 401, error: "invalid_client", description: "The OAuth client was not found." };
  }
  if (!query.redirect_uri) return missing("redirect_uri");
  if (!isAllowedRedirect(query.redirect_uri, client.redirectUris)) {
    return {
      status: 400,
      error: "redirect_uri_mismatch",
      description: `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. redirect_uri=${query.redirect_uri}`,
    };
  }
  if (!query.response_type) return missing("response_type");
  if (query.response_type !== "code") {
    return {
      status: 400,
      error: "unsupported_response_type",
      description: `Invalid response_type: ${query.response_type}`,
    };
  }
  if (!query.scope) return missing("scope");
  const scopes = parseScopes(query.scope);
  const unknown = unknownScopes(scopes);
  if (unknown.length > 0) {
    return {
      status: 400,
      error: "invalid_scope",
      description: `Some requested scopes were invalid. {invalid=[${unknown.join(", ")}]}`,
    };
  }
  const method = query.code_challenge_method;
  if (method !== undefined && method !== "S256" && method !== "plain")
    return invalid("Invalid code_challenge_method value.");
  if (method !== undefined && !query.code_challenge) return missing("code_challenge");
  if (query.code_challenge !== undefined && !/^[A-Za-z0-9._~-]{43,128}$/.test(query.code_challenge)) {
    return invalid("Invalid code_challenge value.");
  }
  const accessType = query.access_type ?? "online";
  if (accessType !== "online" && accessType !== "offline") return invalid(`Invalid access_type: ${accessType}`);
  const prompt = (query.prompt ?? "").split(" ").filter(Boolean);
  if (prompt.some((value) => !PROMPTS.has(value))) return invalid(`Invalid prompt: ${query.prompt}`);
  if (prompt.includes("none") && prompt.length > 1) return invalid("prompt=none cannot be combined with other values.");
  const include = query.include_granted_scopes;
  if (include !== undefined && include !== "true" && include !== "false") {
    return invalid(`Invalid include_granted_scopes: ${include}`);
  }
  return {
    id,
    clientId: query.client_id,
    redirectUri: query.redirect_uri,
    scopes,
    state: query.state,
    codeChallenge: query.code_challenge,
    // RFC 7636: a challenge without a method is "plain".
    codeChallengeMethod: query.code_challenge ? ((method as "S256" | "plain" | undefined) ?? "plain") : undefined,
    accessType,
    prompt,
    includeGrantedScopes: include === "true",
    nonce: query.nonce,
    loginHint: query.login_hint,
  };
}

export function isAuthorizationFailure(
  value: AuthorizationRequest | AuthorizationFailure,
): value is AuthorizationFailure {
  return "error" in value;
}

/** Without a configured list any http(s) address is accepted: test servers listen on random ports. */
function isAllowedRedirect(redirectUri: string, allowed: string[] | undefined): boolean {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  if (url.hash) return false;
  if (allowed) return allowed.includes(redirectUri);
  return url.protocol === "http:" || url.protocol === "https:";
}

/** The scopes a consent grants: sign-in scopes always, the others only when ticked. */
export function grantedScopes(request: AuthorizationRequest, ticked: string[]): string[] {
  return request.scopes.filter((scope) => isSignInScope(scope) || ticked.includes(scope));
}
