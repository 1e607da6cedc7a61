import { AccountState } from "./account-state.ts";
import { Faults } from "./faults.ts";
import { newToken, opaque } from "./ids.ts";

export type FakeTodoistOptions = {
  clientId?: string;
  clientSecret?: string;
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  /** The app's registered OAuth redirect URL: used when the authorize request names none, and the only one accepted when set. */
  redirectUri?: string;
  /** The account the consent page offers (created at start). */
  defaultAccount?: NewAccount;
  /**
   * OAuth apps with refresh tokens (the default for new Todoist apps): the code buys an access
   * token that expires plus a refresh token, rotated on every refresh. false: long-lived access tokens only.
   */
  refreshTokens?: boolean;
  accessTokenLifetimeSeconds?: number;
  /** The fake's notion of now (due dates, "today", completion times); default the real clock. */
  now?: () => Date;
};

export type NewAccount = { email: string; fullName?: string; timezone?: string };

/** One request as the fake saw it (faulted ones included). */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** For POST /api/v1/sync: the command types sent, in order. */
  commands?: string[];
  status?: number;
};

export type AccessToken = {
  token: string;
  email: string;
  expiresAt?: number;
  kind: "personal" | "oauth";
  /** The OAuth scopes (comma separated); personal tokens may do everything. */
  scope?: string;
  /** The refresh token issued with it, revoked together. */
  refreshToken?: string;
};

export const DEFAULT_CLIENT_ID = "agendacraft-local";
export const DEFAULT_CLIENT_SECRET = "fake-todoist-secret";

/** The fake's whole state, shared by its HTTP routes and by the test API. */
export class FakeTodoistCore {
  origin = "";
  readonly clientId: string;
  readonly clientSecret: string;
  readonly now: () => Date;
  readonly accounts = new Map<string, AccountState>();
  readonly accessTokens = new Map<string, AccessToken>();
  /** Live refresh tokens by value; a rotated one is removed (and remembered to tell reuse apart). */
  readonly refreshTokens = new Map<string, { email: string; scope: string }>();
  readonly usedRefreshTokens = new Set<string>();
  readonly codes = new Map<
    string,
    { email: string; scope: string; redirectUri: string; expiresAt: number; used: boolean }
  >();
  readonly pendingConsents = new Map<string, { clientId: string; scope: string; state: string; redirectUri: string }>();
  readonly faults = new Faults();
  readonly requests: RecordedRequest[] = [];
  autoApprove: string | undefined;

  constructor(readonly options: FakeTodoistOptions) {
    this.clientId = options.clientId ?? DEFAULT_CLIENT_ID;
    this.clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
    this.now = options.now ?? (() => new Date());
    this.addAccount(options.defaultAccount ?? { email: "ada@example.com", fullName: "Ada Lovelace" });
  }

  get defaultEmail(): string {
    return (this.options.defaultAccount?.email ?? "ada@example.com").toLowerCase();
  }

  addAccount(input: NewAccount): AccountState {
    const email = input.email.trim().toLowerCase();
    const existing = this.accounts.get(email);
    if (existing) return existing;
    const state = AccountState.create(
      { email, fullName: input.fullName ?? email.split("@")[0] ?? email, timezone: input.timezone ?? "UTC" },
      this.now,
    );
    this.accounts.set(email, state);
    return state;
  }

  account(email: string): AccountState {
    const state = this.accounts.get(email.trim().toLowerCase());
    if (!state) throw new Error(`The fake Todoist has no account ${email}.`);
    return state;
  }

  /** A personal API token (Settings -> Integrations -> Developer): never expires. */
  issuePersonalToken(email: string): string {
    const token = newToken();
    this.accessTokens.set(token, { token, email: this.account(email).user.email, kind: "personal" });
    return token;
  }

  /** The token response of /oauth/access_token for an account. */
  issueOAuthTokens(email: string, scope: string): Record<string, unknown> {
    const token = newToken();
    const refresh = this.options.refreshTokens !== false;
    const lifetime = this.options.accessTokenLifetimeSeconds ?? 3600;
    const refreshToken = refresh ? opaque("rt_") : undefined;
    this.accessTokens.set(token, {
      token,
      email,
      kind: "oauth",
      scope,
      ...(refreshToken ? { refreshToken, expiresAt: this.now().getTime() + lifetime * 1000 } : {}),
    });
    const response: Record<string, unknown> = { access_token: token, token_type: "Bearer" };
    if (refreshToken) {
      this.refreshTokens.set(refreshToken, { email, scope });
      Object.assign(response, { refresh_token: refreshToken, expires_in: lifetime, scope });
    }
    return response;
  }

  /** The live access token for a bearer value, or undefined (unknown, revoked or expired). */
  authenticate(token: string): { account: AccountState; access: AccessToken } | undefined {
    const access = this.accessTokens.get(token);
    if (!access) return undefined;
    if (access.expiresAt !== undefined && access.expiresAt <= this.now().getTime()) return undefined;
    const account = this.accounts.get(access.email);
    return account ? { account, access } : undefined;
  }

  /** Revokes an access token (and the refresh token issued with it), or a refresh token and its access tokens. */
  revoke(token: string): void {
    const access = this.accessTokens.get(token);
    if (access) {
      this.accessTokens.delete(token);
      if (access.refreshToken) this.refreshTokens.delete(access.refreshToken);
      return;
    }
    if (this.refreshTokens.delete(token)) {
      for (const [value, each] of this.accessTokens) if (each.refreshToken === token) this.accessTokens.delete(value);
    }
  }
}
