import { Accounts, type FakeAccount, type NewAccount } from "./accounts.ts";
import type { AuthorizationRequest } from "./authorization-request.ts";
import { CalendarStore } from "./calendar-store.ts";
import { Faults } from "./faults.ts";
import { ACCESS_TOKEN_LIFETIME_SECONDS, type AccessToken, type Grant, Grants } from "./grants.ts";
import { opaqueToken } from "./ids.ts";
import { SCOPES } from "./scopes.ts";
import type { SigningKeys } from "./signing-keys.ts";
import { WatchChannels } from "./watch-channels.ts";

export type FakeGoogleOptions = {
  clientId: string;
  clientSecret: string;
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  /** Registered redirect URIs; default: any http(s) address. */
  redirectUris?: string[];
  /** The account the consent page offers first. */
  defaultAccount?: NewAccount;
  /** GET /o/oauth2/v2/auth redirects at once, granting every scope to this account (true: the default account). */
  autoApprove?: boolean | NewAccount;
  accessTokenLifetimeSeconds?: number;
};

/** One request as the fake saw it (faulted ones included). */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** The answer's status, once sent. */
  status?: number;
};

/** An authorization code waiting to be exchanged at /token. */
export type AuthorizationCode = {
  code: string;
  request: AuthorizationRequest;
  email: string;
  /** The scopes the tokens will carry (the granted ones, plus earlier ones with include_granted_scopes). */
  tokenScopes: string[];
  expiresAt: number;
  used: boolean;
};

export type TokenResponse = {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
  token_type: "Bearer";
  id_token?: string;
};

const CODE_LIFETIME_MS = 10 * 60 * 1000;

export const DEFAULT_ACCOUNT: NewAccount = { email: "ada@example.com", name: "Ada Lovelace" };

/** The fake's whole state, shared by its HTTP routes and by the test API. */
export class FakeGoogleCore {
  origin = "";
  readonly accounts = new Accounts();
  readonly grants = new Grants();
  readonly calendars: CalendarStore;
  readonly faults = new Faults();
  readonly channels: WatchChannels;
  readonly requests: RecordedRequest[] = [];
  readonly pendingConsents = new Map<string, AuthorizationRequest>();
  readonly codes = new Map<string, AuthorizationCode>();
  autoApprove: NewAccount | undefined;

  constructor(
    readonly options: FakeGoogleOptions,
    readonly keys: SigningKeys,
  ) {
    this.channels = new WatchChannels(() => this.origin);
    this.calendars = new CalendarStore((calendarId) => this.channels.calendarChanged(calendarId));
    const defaultAccount = options.defaultAccount ?? DEFAULT_ACCOUNT;
    this.addAccount(defaultAccount);
    this.autoApprove =
      options.autoApprove === true ? defaultAccount : options.autoApprove ? options.autoApprove : undefined;
  }

  get defaultAccount(): FakeAccount {
    return this.accounts.get((this.options.defaultAccount ?? DEFAULT_ACCOUNT).email);
  }

  /** Adds an account with its primary calendar (whose id is the email), or returns the existing one. */
  addAccount(input: NewAccount): FakeAccount {
    const { account, created } = this.accounts.add(input);
    if (created) this.calendars.createPrimary(account.email, account.name);
    return account;
  }

  issueCode(request: AuthorizationRequest, email: string, granted: string[]): string {
    const grant = this.grants.consent(email, request.clientId, granted);
    const code = `4/0${opaqueToken("")}`;
    this.codes.set(code, {
      code,
      request,
      email,
      tokenScopes: request.includeGrantedScopes ? [...grant.scopes] : granted,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
      used: false,
    });
    return code;
  }

  /** Mints the token response for a grant: an access token, and an id_token when `openid` is among the scopes. */
  async tokenResponse(
    grant: Grant,
    scopes: string[],
    extras: { refreshToken?: string; nonce?: string } = {},
  ): Promise<TokenResponse> {
    const lifetime = this.options.accessTokenLifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS;
    const accessToken: AccessToken = this.grants.issueAccessToken(grant, scopes, lifetime);
    const response: TokenResponse = {
      access_token: accessToken.token,
      expires_in: lifetime,
      scope: scopes.join(" "),
      token_type: "Bearer",
    };
    if (extras.refreshToken) response.refresh_token = extras.refreshToken;
    if (scopes.includes(SCOPES.openid)) {
      const account = this.accounts.get(grant.email);
      response.id_token = await this.keys.signIdToken({
        issuer: this.origin,
        audience: grant.clientId,
        subject: account.sub,
        email: account.email,
        name: account.name,
        picture: account.picture,
        nonce: extras.nonce,
        accessToken: accessToken.token,
      });
    }
    return response;
  }
}
