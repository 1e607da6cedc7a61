/**
 * How this server reaches Todoist. Built from TODOIST_BASE_URL, TODOIST_CLIENT_ID,
 * TODOIST_CLIENT_SECRET and TODOIST_SYNC_INTERVAL_SECONDS. Connecting with a personal API
 * token needs none of them; connecting through Todoist's consent page needs `oauth`.
 */
export type TodoistConfig = {
  /** The origin for the consent page (todoist.com): `/oauth/authorize`. */
  webOrigin: string;
  /** The origin for the API and the token exchange (api.todoist.com): `/api/v1/...`, `/oauth/access_token`. */
  apiOrigin: string;
  /** Null when TODOIST_CLIENT_ID / TODOIST_CLIENT_SECRET are unset: only token connects work. */
  oauth: { clientId: string; clientSecret: string; redirectUri: string } | null;
  /** How often the worker syncs every connection (TODOIST_SYNC_INTERVAL_SECONDS). */
  syncIntervalSeconds: number;
};

export const TODOIST_WEB_ORIGIN = "https://todoist.com";
export const TODOIST_API_ORIGIN = "https://api.todoist.com";

/** The server's route that finishes "Connect Todoist" through OAuth; registered at Todoist as the redirect URI. */
export const TODOIST_CALLBACK_PATH = "/api/integrations/todoist/callback";

export const DEFAULT_TODOIST_SYNC_INTERVAL_SECONDS = 300;

/** Read and write access to tasks and projects: what a two-way sync needs. */
export const TODOIST_OAUTH_SCOPE = "data:read_write";

/**
 * The configuration from the server's settings. `baseUrl` (TODOIST_BASE_URL) replaces both
 * todoist.com and api.todoist.com with one origin, paths unchanged: tests and a person trying
 * it locally point it at the fake (`pnpm fake:todoist`).
 */
export function todoistConfig({
  baseUrl,
  clientId,
  clientSecret,
  publicOrigin,
  syncIntervalSeconds = DEFAULT_TODOIST_SYNC_INTERVAL_SECONDS,
}: {
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  /** Where the browser reaches this server (PUBLIC_URL): the callback's origin. */
  publicOrigin: string;
  syncIntervalSeconds?: number;
}): TodoistConfig {
  const origin = baseUrl ? new URL(baseUrl).origin : undefined;
  return {
    webOrigin: origin ?? TODOIST_WEB_ORIGIN,
    apiOrigin: origin ?? TODOIST_API_ORIGIN,
    oauth:
      clientId && clientSecret
        ? { clientId, clientSecret, redirectUri: new URL(TODOIST_CALLBACK_PATH, publicOrigin).toString() }
        : null,
    syncIntervalSeconds,
  };
}

/** Without any TODOIST_* setting: todoist.com itself, personal API tokens only (no OAuth client). */
export const TODOIST_ITSELF: TodoistConfig = todoistConfig({ publicOrigin: "http://localhost" });
