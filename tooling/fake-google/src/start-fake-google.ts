import Fastify from "fastify";
import type { FakeAccount, NewAccount } from "./accounts.ts";
import { registerCalendarRoutes } from "./calendar-routes.ts";
import type { CalendarAccessRole, CalendarListEntry, EventInput, GoogleEvent } from "./calendar-types.ts";
import {
  FakeGoogleCore,
  type FakeGoogleOptions,
  type RecordedRequest,
  type TokenResponse,
} from "./fake-google-core.ts";
import type { Fault } from "./faults.ts";
import { registerOAuthRoutes } from "./oauth-routes.ts";
import { SCOPES } from "./scopes.ts";
import { createSigningKeys } from "./signing-keys.ts";
import type { DeliveredNotification, WatchChannel } from "./watch-channels.ts";

export type { FakeGoogleOptions };

/** Tokens minted without the browser flow, named as the token endpoint names them. */
export type IssuedTokens = {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  scope: string;
  idToken?: string;
};

/** A running fake Google and the handles tests use to arrange, inspect and break it. */
export type FakeGoogle = {
  /** The origin to give the server as GOOGLE_BASE_URL. */
  url: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;

  defaultAccount: FakeAccount;
  accounts(): FakeAccount[];
  /** Adds an account with its primary calendar (id: the email); an existing email returns that account. */
  addAccount(input: NewAccount): FakeAccount;
  /** The account's calendar list entries (primary first). */
  calendars(email: string): CalendarListEntry[];
  /** accessRole reader (or freeBusyReader): a calendar shared with the account read-only; writes answer 403. */
  addCalendar(
    email: string,
    input: { summary: string; timeZone?: string; description?: string; accessRole?: CalendarAccessRole },
  ): CalendarListEntry;
  /** The account's access to a calendar changes (e.g. its owner made it read-only). */
  setAccessRole(calendarId: string, accessRole: CalendarAccessRole): void;

  /** Adds an event to a calendar, or to the primary calendar of an account given by email. */
  addEvent(calendarIdOrEmail: string, event: EventInput): GoogleEvent;
  /** Changes an event as a person would in Google (PATCH semantics). */
  updateEvent(calendarId: string, eventId: string, patch: Record<string, unknown>): GoogleEvent;
  deleteEvent(calendarId: string, eventId: string): void;
  /** The calendar's events by start time; deleted ones only with includeDeleted; series as instances with singleEvents. */
  events(calendarId: string, options?: { includeDeleted?: boolean; singleEvents?: boolean }): GoogleEvent[];
  event(calendarId: string, eventId: string): GoogleEvent | undefined;

  /** A valid access + refresh token pair for an account (scopes default to the calendar and sign-in ones). */
  issueTokens(input: { email: string; scopes?: string[] }): Promise<IssuedTokens>;
  /** The scopes the account has granted the client (live grant), empty when none. */
  grantedScopes(email: string): string[];
  /** How many refresh_token grants were asked for this account. */
  tokenRefreshes(email: string): number;

  /** The next matching requests fail with this status and Google's error body. */
  failNext(fault: Fault): void;
  clearFaults(): void;
  /** The account's grants are revoked: refresh answers invalid_grant, access tokens 401. */
  injectInvalidGrant(email: string): void;
  /** Every sync token issued so far for the calendar (all calendars without an id) answers 410 fullSyncRequired. */
  expireSyncTokens(calendarId?: string): void;
  /** Every access token issued so far (for one account, when given) answers 401 from now on. */
  expireAccessTokens(email?: string): void;
  /** GET /o/oauth2/v2/auth answers at once for this account (false: show the consent page again). */
  setAutoApprove(account: NewAccount | false): void;

  /** Every request the fake received, in order. */
  requests: RecordedRequest[];
  clearRequests(): void;
  watchChannels(calendarId?: string): WatchChannel[];
  /** Notifications POSTed to watch channels, with the answer each got. */
  notifications: DeliveredNotification[];
  /** Waits until every notification on its way has been answered. */
  settleNotifications(): Promise<void>;
};

/** What issueTokens grants unless told otherwise: sign-in plus what "Connect Google Calendar" asks for. */
export const DEFAULT_TEST_SCOPES = [
  SCOPES.openid,
  SCOPES.email,
  SCOPES.profile,
  SCOPES.calendarListReadonly,
  SCOPES.events,
  SCOPES.appCreated,
];

export async function startFakeGoogle(options: FakeGoogleOptions): Promise<FakeGoogle> {
  const core = new FakeGoogleCore(options, await createSigningKeys());
  const app = Fastify({ logger: false, forceCloseConnections: true, routerOptions: { maxParamLength: 2000 } });

  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
    done(null, parseForm(body as string));
  });
  app.addHook("onRequest", async (request, reply) => {
    const url = new URL(request.url, "http://fake");
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: parseForm(url.search.slice(1)),
    };
    core.requests.push(recorded);
    reply.raw.once("finish", () => {
      recorded.status = reply.statusCode;
    });
    if (core.faults.intercept(request.method, url.pathname, reply)) return reply;
  });
  registerOAuthRoutes(app, core);
  registerCalendarRoutes(app, core);

  await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("The fake Google has no TCP address.");
  core.origin = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;

  const primaryOf = (calendarIdOrEmail: string) =>
    core.calendars.find(calendarIdOrEmail)?.id ?? core.accounts.get(calendarIdOrEmail).email;

  return {
    url: core.origin,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    close: async () => {
      await core.channels.settle();
      await app.close();
    },
    get defaultAccount() {
      return core.defaultAccount;
    },
    accounts: () => core.accounts.all(),
    addAccount: (input) => core.addAccount(input),
    calendars: (email) =>
      core.calendars.calendarsOf(core.accounts.get(email).email).map((c) => core.calendars.listEntry(c)),
    addCalendar: (email, input) =>
      core.calendars.listEntry(core.calendars.createCalendar(core.accounts.get(email).email, input)),
    setAccessRole: (calendarId, accessRole) => core.calendars.setAccessRole(calendarId, accessRole),
    addEvent: (calendarIdOrEmail, event) => core.calendars.insertEvent(primaryOf(calendarIdOrEmail), event),
    updateEvent: (calendarId, eventId, patch) => core.calendars.patchEvent(primaryOf(calendarId), eventId, patch),
    deleteEvent: (calendarId, eventId) => core.calendars.deleteEvent(primaryOf(calendarId), eventId),
    events: (calendarId, eventOptions) => core.calendars.events(primaryOf(calendarId), eventOptions),
    event: (calendarId, eventId) => core.calendars.findEvent(primaryOf(calendarId), eventId),
    issueTokens: async ({ email, scopes = DEFAULT_TEST_SCOPES }) => {
      const account = core.addAccount({ email });
      const grant = core.grants.consent(account.email, options.clientId, scopes);
      const refreshToken = core.grants.issueRefreshToken(grant);
      const response: TokenResponse = await core.tokenResponse(grant, scopes, { refreshToken });
      return {
        accessToken: response.access_token,
        refreshToken,
        expiresIn: response.expires_in,
        scope: response.scope,
        ...(response.id_token ? { idToken: response.id_token } : {}),
      };
    },
    grantedScopes: (email) => [...(core.grants.current(email.toLowerCase(), options.clientId)?.scopes ?? [])],
    tokenRefreshes: (email) => core.grants.refreshes(email.toLowerCase()),
    failNext: (fault) => core.faults.add(fault),
    clearFaults: () => core.faults.clear(),
    injectInvalidGrant: (email) => {
      core.grants.revokeAll(core.accounts.get(email).email);
    },
    expireSyncTokens: (calendarId) => core.calendars.expireSyncTokens(calendarId),
    expireAccessTokens: (email) => core.grants.expireAccessTokens(email?.toLowerCase()),
    setAutoApprove: (account) => {
      core.autoApprove = account === false ? undefined : account;
    },
    requests: core.requests,
    clearRequests: () => {
      core.requests.length = 0;
    },
    watchChannels: (calendarId) => core.channels.list(calendarId),
    notifications: core.channels.delivered,
    settleNotifications: () => core.channels.settle(),
  };
}

/** Form bodies and query strings; a repeated name (scope=a&scope=b) becomes a list. */
function parseForm(text: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}
