import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { WarningLog } from "../../shared/log.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import type { TodoistAuth } from "../api/todoist-client.ts";
import type { TodoistConfig } from "../todoist-config.ts";
import { refreshTodoistGrant, TodoistGrantRefusedError } from "./todoist-oauth-requests.ts";
import {
  openTodoistAccessToken,
  openTodoistRefreshToken,
  sealTodoistAccessToken,
  sealTodoistRefreshToken,
} from "./todoist-tokens.ts";

/** A stored OAuth token with less left than this is refreshed before it is used. */
export const TODOIST_TOKEN_MARGIN_MS = 60_000;

/** How long a refresh that lost the race looks for the winner's tokens: 20 × 100 ms. */
const WINNER_LOOKS = 20;
const WINNER_LOOK_EVERY_MS = 100;

const tokenSelect = { accessToken: true, refreshToken: true, accessTokenExpiresAt: true } as const;

/**
 * The TodoistAuth of a stored connection. `token()` opens the sealed access token, refreshing
 * it first when it expires within TODOIST_TOKEN_MARGIN_MS. `refresh()` spends the refresh
 * token (Todoist rotates it: each one works once) and stores the new pair in ONE update
 * guarded by the refresh token it spent: of two refreshes racing, only the first to write
 * wins; the loser (whose spent token Todoist may refuse) re-reads the row and takes the
 * winner's token, so the newer refresh token is never overwritten by an older one. The guard
 * is the sealed refresh token rather than `version` so that unrelated writes to the row
 * (sync progress) cannot make a successful refresh look lost. Null when there is nothing to
 * refresh with (a personal token, no OAuth client, a refused grant): the client then reports
 * the 401 as TodoistAuthError.
 */
export function storedTodoistAuth({
  db,
  config,
  secrets,
  clock,
  connectionId,
  log,
}: {
  db: Db;
  config: TodoistConfig;
  secrets: SecretKeyring;
  clock: Clock;
  connectionId: string;
  log?: WarningLog;
}): TodoistAuth {
  const read = () => db.todoistConnection.findUnique({ where: { id: connectionId }, select: tokenSelect });

  function open(sealed: string): string | null {
    try {
      return openTodoistAccessToken(secrets, sealed);
    } catch {
      // Sealed with a key no longer configured: a refresh (OAuth) or a reconnect gets a new one.
      return null;
    }
  }

  async function refresh(): Promise<string | null> {
    const row = await read();
    if (!row?.refreshToken || !config.oauth) return null;
    let refreshToken: string;
    try {
      refreshToken = openTodoistRefreshToken(secrets, row.refreshToken);
    } catch {
      return null;
    }
    try {
      const grant = await refreshTodoistGrant(config, config.oauth, refreshToken);
      const { count } = await db.todoistConnection.updateMany({
        where: { id: connectionId, refreshToken: row.refreshToken },
        data: {
          accessToken: sealTodoistAccessToken(secrets, grant.accessToken),
          // Todoist rotates; should an answer carry none, the spent one is all there is.
          refreshToken: grant.refreshToken ? sealTodoistRefreshToken(secrets, grant.refreshToken) : row.refreshToken,
          accessTokenExpiresAt: expiresAt(clock, grant.expiresInSeconds),
          version: { increment: 1 },
        },
      });
      if (count === 1) return grant.accessToken;
    } catch (error) {
      if (!(error instanceof TodoistGrantRefusedError)) throw error;
      log?.warn({ todoist: { status: error.status, error: error.oauthError } }, "Todoist refused the refresh token");
    }
    // Lost the race (Todoist refused the token the winner had just spent, or our write found it
    // gone): take what the winner stored, which may land a moment after Todoist answered us.
    for (let look = 0; look < WINNER_LOOKS; look++) {
      const current = await read();
      if (!current) return null;
      if (current.refreshToken !== row.refreshToken) return open(current.accessToken);
      await new Promise((resolve) => setTimeout(resolve, WINNER_LOOK_EVERY_MS));
    }
    return null;
  }

  return {
    async token() {
      const row = await read();
      if (!row) throw new Error("The Todoist connection is gone.");
      const expiring =
        row.accessTokenExpiresAt !== null &&
        row.accessTokenExpiresAt.getTime() - clock.now().getTime() <= TODOIST_TOKEN_MARGIN_MS;
      if (expiring && row.refreshToken) {
        const fresh = await refresh();
        if (fresh) return fresh;
      }
      // A token that does not open is sent as an empty one: Todoist's 401 then leads to refresh() or needs_reconnect.
      return open(row.accessToken) ?? "";
    },
    refresh,
  };
}

/** When a token Todoist says lasts `seconds` expires, on the service's clock; null: it does not expire. */
export function expiresAt(clock: Clock, seconds: number | null): Date | null {
  return seconds === null ? null : new Date(clock.now().getTime() + seconds * 1000);
}
