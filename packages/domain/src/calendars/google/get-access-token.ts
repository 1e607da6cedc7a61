import type { Prisma } from "@agendacraft/db/prisma";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { connectionNotFound, needsReconnect } from "../calendars-errors.ts";
import { CalendarConnectionNeedsReconnect } from "../events.ts";
import {
  expiresAtOnClock,
  openAccessToken,
  openRefreshToken,
  sealAccessToken,
  sealRefreshToken,
} from "./connection-tokens.ts";
import { readGoogleFailure } from "./google-api-error.ts";
import { createGoogleOAuthClient } from "./google-clients.ts";
import type { GoogleConfig } from "./google-config.ts";

/** A stored token with less left than this is refreshed first: a call must not start with one about to lapse. */
export const ACCESS_TOKEN_MARGIN_MS = 60_000;
/** The refresh runs inside the lock's transaction; Google may take up to its request timeout. */
const REFRESH_TRANSACTION_TIMEOUT_MS = 30_000;

const tokenSelect = {
  id: true,
  userId: true,
  email: true,
  status: true,
  accessToken: true,
  accessTokenExpiresAt: true,
  refreshToken: true,
} as const;

type TokenRow = {
  email: string;
  status: string;
  accessToken: string | null;
  accessTokenExpiresAt: Date | null;
};

/**
 * A valid access token for a Google connection. The stored one while it has more than
 * ACCESS_TOKEN_MARGIN_MS left; else one refresh, serialized per connection by a
 * PostgreSQL advisory lock held in a transaction that re-reads the row once it holds the
 * lock, so callers that waited take the token the first one got (two concurrent calls
 * with an expired token make one refresh). When Google answers `invalid_grant` the
 * connection becomes `needs_reconnect` (one CalendarConnectionNeedsReconnect event, which the
 * notifier turns into one in-app notification) and `calendars.needs_reconnect` is thrown;
 * from then on every call throws it at once, without asking Google, until the person
 * connects the account again. Other failures (network, quota) are thrown as the library
 * threw them, for the caller's retry (readGoogleFailure reads them).
 */
export async function getAccessToken({
  db,
  google,
  secrets,
  clock,
  events,
  connectionId,
  actorId,
  rejectedToken,
}: {
  db: Db;
  google: GoogleConfig;
  secrets: SecretKeyring;
  clock: Clock;
  /** Records CalendarConnectionNeedsReconnect. */
  events: EventRecorder;
  connectionId: string;
  /** When a person asks (not a job): only their own connection is found. */
  actorId?: string;
  /**
   * A token Google just answered 401 to before its expiry (the person removed our access,
   * or Google reset it): refresh instead of handing it out again. A revoked grant then
   * answers `invalid_grant`, which marks the connection as above.
   */
  rejectedToken?: string;
}): Promise<string> {
  const where = { id: connectionId, ...(actorId ? { userId: actorId } : {}) };
  const row = await db.calendarConnection.findFirst({ where, select: tokenSelect });
  if (!row) throw connectionNotFound();
  const usable = usableToken(row, secrets, clock);
  if (usable && usable !== rejectedToken) return usable;

  const outcome = await withTransaction(
    db,
    async (tx): Promise<{ token: string } | { refused: string }> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${connectionId}))`;
      const current = await tx.calendarConnection.findFirst({ where, select: tokenSelect });
      if (!current) throw connectionNotFound();
      // Whoever held the lock before us may have refreshed already (or found the grant revoked).
      const fresh = usableToken(current, secrets, clock);
      if (fresh && fresh !== rejectedToken) return { token: fresh };
      if (!current.refreshToken) {
        await markNeedsReconnect(tx, current, events, NO_GRANT_MESSAGE);
        return { refused: current.email };
      }

      let refreshToken: string;
      try {
        refreshToken = openRefreshToken(secrets, current.refreshToken);
      } catch {
        // The key that sealed it is gone (SECRETS_KEY changed without rotating): only a new grant helps.
        await markNeedsReconnect(tx, current, events, KEY_LOST_MESSAGE);
        return { refused: current.email };
      }
      const oauth = createGoogleOAuthClient(google);
      oauth.setCredentials({ refresh_token: refreshToken });
      try {
        const { credentials } = await oauth.refreshAccessToken();
        if (!credentials.access_token) throw new Error("Google's refresh answer has no access_token");
        await tx.calendarConnection.update({
          where: { id: current.id },
          data: {
            accessToken: sealAccessToken(secrets, credentials.access_token),
            accessTokenExpiresAt: expiresAtOnClock(clock.now(), credentials.expiry_date),
            // Google may rotate the refresh token; keep whichever it last gave.
            ...(credentials.refresh_token
              ? { refreshToken: sealRefreshToken(secrets, credentials.refresh_token) }
              : {}),
          },
        });
        return { token: credentials.access_token };
      } catch (error) {
        if (readGoogleFailure(error).reason !== "invalid_grant") throw error;
        await markNeedsReconnect(tx, current, events, REFUSED_MESSAGE);
        return { refused: current.email };
      }
    },
    { timeoutMs: REFRESH_TRANSACTION_TIMEOUT_MS },
  );
  // Thrown after the commit, so the new status and its event are kept.
  if ("refused" in outcome) throw needsReconnect(outcome.refused);
  return outcome.token;
}

/** The stored token when it is still good for a while; throws at once for a connection Google refused. */
function usableToken(row: TokenRow, secrets: SecretKeyring, clock: Clock): string | null {
  if (row.status === "needs_reconnect") throw needsReconnect(row.email);
  if (!row.accessToken || !row.accessTokenExpiresAt) return null;
  if (row.accessTokenExpiresAt.getTime() - clock.now().getTime() <= ACCESS_TOKEN_MARGIN_MS) return null;
  try {
    return openAccessToken(secrets, row.accessToken);
  } catch {
    // Sealed with a key no longer configured: a refresh gets a new one.
    return null;
  }
}

const REFUSED_MESSAGE =
  "Google no longer accepts AgendaCraft's access to this account (it was revoked or expired). Reconnect it.";
const NO_GRANT_MESSAGE = "AgendaCraft has no lasting access to this account. Reconnect it.";
const KEY_LOST_MESSAGE =
  "This account's stored access can no longer be read (the server's keys changed). Reconnect it.";

/** The connection waits for the person to connect it again; the notifier tells them (once per occurrence). */
async function markNeedsReconnect(
  tx: Prisma.TransactionClient,
  connection: { id: string; userId: string; email: string },
  events: EventRecorder,
  lastError: string,
): Promise<void> {
  const updated = await tx.calendarConnection.update({
    where: { id: connection.id },
    data: { status: "needs_reconnect", lastError, accessToken: null, accessTokenExpiresAt: null },
    select: { version: true },
  });
  // Google cannot be told to stop the push channels without a grant: forgetting them makes our
  // route refuse their notifications until they expire; a reconnect's first sync opens new ones.
  await tx.connectedCalendar.updateMany({
    where: { connectionId: connection.id, channelId: { not: null } },
    data: { channelId: null, channelResourceId: null, channelToken: null, channelExpiresAt: null },
  });
  await events.record(tx, [
    newEvent(CalendarConnectionNeedsReconnect, {
      userId: connection.userId,
      aggregateId: connection.id,
      version: updated.version,
      payload: { email: connection.email },
    }),
  ]);
}
