import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { WarningLog } from "../../shared/log.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { writeTargetChanged } from "../events.ts";
import type { GoogleCalendarPermission, GoogleConnectOutcome } from "../schemas.ts";
import { expiresAtOnClock, sealAccessToken, sealRefreshToken } from "./connection-tokens.ts";
import { fetchCalendarList, type ListedCalendar } from "./fetch-calendar-list.ts";
import { fetchGoogleAccount, type GoogleAccount } from "./fetch-google-account.ts";
import { readGoogleFailure } from "./google-api-error.ts";
import { createCalendarApi, createGoogleOAuthClient } from "./google-clients.ts";
import { GOOGLE_CALENDAR_SCOPES, type GoogleConfig } from "./google-config.ts";
import { GoogleSyncJob } from "./google-sync-job-type.ts";
import { storeCalendarList } from "./store-calendar-list.ts";

/** What Google sent back to the callback route (its query string). */
export type GoogleCallbackQuery = { code?: string; state?: string; scope?: string; error?: string };

/** Where the app shows the outcome: an app path with `?google=<outcome>` (and `missing=` or `connection=`). */
export type GoogleConnectResult = { redirectTo: string; outcome: GoogleConnectOutcome };

const SCOPE_PREFIX = "https://www.googleapis.com/auth/";
const FALLBACK_RETURN_TO = "/settings";

/**
 * Finishes "Connect Google Calendar" when Google sends the browser back: checks the state
 * (one use, unexpired, the same signed-in person), exchanges the code with the PKCE
 * verifier, checks that every calendar scope was granted (a person can untick them), learns
 * the account, reads its calendar list, then stores the connection (the same row when the
 * account was connected before) with its tokens sealed, and queues its first sync. Google
 * is called before the transaction, never inside it. Never throws for anything Google or
 * the browser sent: the result says where to send the person and what to tell them.
 */
export async function completeGoogleConnect({
  db,
  google,
  secrets,
  jobs,
  events,
  clock,
  actorId,
  query,
  log,
}: {
  db: Db;
  google: GoogleConfig;
  secrets: SecretKeyring;
  jobs: JobSender;
  events: EventRecorder;
  clock: Clock;
  /** The signed-in person making the request; null when signed out. */
  actorId: string | null;
  query: GoogleCallbackQuery;
  log?: WarningLog;
}): Promise<GoogleConnectResult> {
  const state = query.state ? await db.calendarOAuthState.findUnique({ where: { id: query.state } }) : null;
  if (!state || state.expiresAt <= clock.now()) return outcome(state?.returnTo ?? FALLBACK_RETURN_TO, "expired");
  // Another person's (or nobody's) browser must not finish this person's authorization.
  if (state.userId !== actorId) return outcome(FALLBACK_RETURN_TO, "failed");
  // One use: a replayed callback finds nothing.
  await db.calendarOAuthState.deleteMany({ where: { id: state.id } });
  const { returnTo } = state;
  if (query.error) return outcome(returnTo, query.error === "access_denied" ? "denied" : "failed");
  if (!query.code) return outcome(returnTo, "failed");

  let granted: Granted;
  try {
    granted = await exchangeCode(google, query.code, state.codeVerifier, clock);
  } catch (error) {
    log?.warn({ google: describeFailure(error) }, "Google refused the authorization code");
    return outcome(returnTo, "failed");
  }
  const scopes = (granted.scope ?? query.scope ?? "").split(/\s+/).filter(Boolean);
  const missing = missingPermissions(scopes);
  // Not revoked: with incremental authorization the token also carries what an existing connection was granted.
  if (missing.length > 0) return outcome(returnTo, "missing_scope", { missing: missing.join(",") });

  let account: GoogleAccount;
  let listed: ListedCalendar[];
  try {
    account = await fetchGoogleAccount(google, granted.accessToken);
    listed = await fetchCalendarList(createCalendarApi(google, granted.accessToken));
  } catch (error) {
    log?.warn({ google: describeFailure(error) }, "could not read the Google account or its calendar list");
    return outcome(returnTo, "failed");
  }

  const connectionId = await withTransaction(db, async (tx) => {
    const existing = await tx.calendarConnection.findUnique({
      where: {
        userId_kind_externalAccountId: { userId: state.userId, kind: "google", externalAccountId: account.sub },
      },
      select: { refreshToken: true },
    });
    // Google sends a refresh token with every consent; should it not, the one we have still works.
    const refreshToken = granted.refreshToken
      ? sealRefreshToken(secrets, granted.refreshToken)
      : existing?.refreshToken;
    if (!refreshToken) return null;
    const fields = {
      email: account.email,
      name: account.name,
      status: "ok" as const,
      lastError: null,
      accessToken: sealAccessToken(secrets, granted.accessToken),
      refreshToken,
      accessTokenExpiresAt: granted.expiresAt,
      scope: scopes.join(" "),
    };
    const connection = await tx.calendarConnection.upsert({
      where: {
        userId_kind_externalAccountId: { userId: state.userId, kind: "google", externalAccountId: account.sub },
      },
      create: { userId: state.userId, kind: "google", externalAccountId: account.sub, ...fields },
      update: fields,
      select: { id: true },
    });
    await storeCalendarList(tx, { userId: state.userId, connectionId: connection.id, listed, events });
    // Writes skipped while it needed reconnecting are made now.
    if (existing) await events.record(tx, [writeTargetChanged(state.userId, connection.id, "reconnected")]);
    await jobs.send(GoogleSyncJob, { connectionId: connection.id }, { tx, singletonKey: connection.id });
    return connection.id;
  });
  if (!connectionId) {
    log?.warn({}, "Google granted no refresh token for a new connection");
    return outcome(returnTo, "failed");
  }
  return outcome(returnTo, "connected", { connection: connectionId });
}

type Granted = { accessToken: string; refreshToken: string | null; expiresAt: Date | null; scope: string | null };

async function exchangeCode(google: GoogleConfig, code: string, codeVerifier: string, clock: Clock): Promise<Granted> {
  const oauth = createGoogleOAuthClient(google, google.redirectUri);
  const { tokens } = await oauth.getToken({ code, codeVerifier });
  if (!tokens.access_token) throw new Error("Google's token answer has no access_token");
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? null,
    expiresAt: expiresAtOnClock(clock.now(), tokens.expiry_date),
    scope: tokens.scope ?? null,
  };
}

/** What went wrong, without the request the library would log with it (the code, the client secret). */
function describeFailure(error: unknown): { status: number | undefined; reason: string | undefined; message: string } {
  const { status, reason, message } = readGoogleFailure(error);
  return { status, reason, message };
}

/** The calendar permissions not among `granted`, by their short names (GOOGLE_CALENDAR_PERMISSIONS' keys). */
export function missingPermissions(granted: readonly string[]): GoogleCalendarPermission[] {
  const have = new Set(granted);
  return GOOGLE_CALENDAR_SCOPES.filter((scope) => !have.has(scope)).map(
    (scope) => scope.slice(SCOPE_PREFIX.length) as GoogleCalendarPermission,
  );
}

function outcome(
  returnTo: string,
  result: GoogleConnectOutcome,
  extra: Record<string, string> = {},
): GoogleConnectResult {
  // A dummy origin only to edit the query; the result is a path of this app again.
  const url = new URL(returnTo, "http://app.invalid");
  // "/a/..//evil.example" resolves to a path a browser reads as another site: never redirect there.
  if (url.pathname.startsWith("//")) url.pathname = FALLBACK_RETURN_TO;
  url.searchParams.set("google", result);
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  return { redirectTo: `${url.pathname}${url.search}${url.hash}`, outcome: result };
}
