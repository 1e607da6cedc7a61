import { opaqueToken } from "./ids.ts";

/**
 * What one account allowed one OAuth client, and the tokens issued under it. Revoking a
 * grant (POST /revoke with either token, injectInvalidGrant, the person removing access)
 * ends its refresh token and every access token issued under it, as at Google.
 */
export type Grant = {
  id: string;
  email: string;
  clientId: string;
  scopes: Set<string>;
  refreshToken: string | undefined;
  revoked: boolean;
  refreshes: number;
};

export type AccessToken = {
  token: string;
  grant: Grant;
  scopes: string[];
  expiresAt: number;
};

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3599;

export class Grants {
  readonly #grants: Grant[] = [];
  readonly #accessTokens = new Map<string, AccessToken>();
  readonly #byRefreshToken = new Map<string, Grant>();
  /** Refreshes per account, kept after revocation so tests can count them. */
  readonly #refreshesByEmail = new Map<string, number>();

  /** The live grant of this account to this client, if any. */
  current(email: string, clientId: string): Grant | undefined {
    return this.#grants.find((grant) => grant.email === email && grant.clientId === clientId && !grant.revoked);
  }

  /** Records consent: adds the scopes to the live grant, or starts a new one. */
  consent(email: string, clientId: string, scopes: string[]): Grant {
    const existing = this.current(email, clientId);
    if (existing) {
      for (const scope of scopes) existing.scopes.add(scope);
      return existing;
    }
    const grant: Grant = {
      id: opaqueToken("grant-"),
      email,
      clientId,
      scopes: new Set(scopes),
      refreshToken: undefined,
      revoked: false,
      refreshes: 0,
    };
    this.#grants.push(grant);
    return grant;
  }

  issueRefreshToken(grant: Grant): string {
    // Earlier refresh tokens of the grant keep working, as at Google (up to a limit the fake does not enforce).
    grant.refreshToken = `1//${opaqueToken("fake-")}`;
    this.#byRefreshToken.set(grant.refreshToken, grant);
    return grant.refreshToken;
  }

  issueAccessToken(grant: Grant, scopes: string[], lifetimeSeconds = ACCESS_TOKEN_LIFETIME_SECONDS): AccessToken {
    const accessToken: AccessToken = {
      token: `ya29.${opaqueToken("fake-")}`,
      grant,
      scopes,
      expiresAt: Date.now() + lifetimeSeconds * 1000,
    };
    this.#accessTokens.set(accessToken.token, accessToken);
    return accessToken;
  }

  byRefreshToken(token: string): Grant | undefined {
    return this.#byRefreshToken.get(token);
  }

  countRefresh(grant: Grant): void {
    grant.refreshes += 1;
    this.#refreshesByEmail.set(grant.email, this.refreshes(grant.email) + 1);
  }

  refreshes(email: string): number {
    return this.#refreshesByEmail.get(email) ?? 0;
  }

  /** A usable access token: known, not expired, its grant not revoked. */
  validAccessToken(token: string): AccessToken | undefined {
    const found = this.#accessTokens.get(token);
    if (!found || found.grant.revoked || found.expiresAt <= Date.now()) return undefined;
    return found;
  }

  /** Revokes the grant behind an access or refresh token; false when the token is unknown or already dead. */
  revokeToken(token: string): boolean {
    const grant = this.#byRefreshToken.get(token) ?? this.#accessTokens.get(token)?.grant;
    if (!grant || grant.revoked) return false;
    grant.revoked = true;
    return true;
  }

  revokeAll(email: string): number {
    let revoked = 0;
    for (const grant of this.#grants) {
      if (grant.email === email && !grant.revoked) {
        grant.revoked = true;
        revoked += 1;
      }
    }
    return revoked;
  }

  expireAccessTokens(email?: string): void {
    const now = Date.now();
    for (const accessToken of this.#accessTokens.values()) {
      if (!email || accessToken.grant.email === email) accessToken.expiresAt = Math.min(accessToken.expiresAt, now);
    }
  }
}
