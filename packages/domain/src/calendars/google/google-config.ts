/**
 * How this server reaches Google. Built from GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and
 * GOOGLE_BASE_URL; absent (null) when the server has no Google client: Google procedures
 * then answer `calendars.google_not_configured` and the web hides its Google buttons.
 */
export type GoogleConfig = {
  clientId: string;
  clientSecret: string;
  /** Replaces every Google origin (tests and local trials point it at the fake); undefined: Google itself. */
  baseUrl?: string;
  /** How often the worker syncs every connection (GOOGLE_SYNC_INTERVAL_SECONDS). */
  syncIntervalSeconds: number;
  /**
   * Where Google sends the browser back after "Connect Google Calendar":
   * `${publicOrigin}/api/calendars/google/callback` (GOOGLE_CALLBACK_PATH). Absent: connecting is not possible.
   */
  redirectUri?: string;
  /**
   * Where Google POSTs change notifications for push channels (events.watch):
   * `${PUBLIC_URL}/api/calendars/google/notifications` (GOOGLE_NOTIFICATIONS_PATH). Set only when
   * PUBLIC_URL is https, since Google delivers only there; absent: polling alone.
   */
  pushAddress?: string;
};

/** The server's route that finishes "Connect Google Calendar"; registered at Google as a redirect URI. */
export const GOOGLE_CALLBACK_PATH = "/api/calendars/google/callback";

/** The server's route for Google's push notifications; Google only delivers to https addresses. */
export const GOOGLE_NOTIFICATIONS_PATH = "/api/calendars/google/notifications";

export const DEFAULT_GOOGLE_SYNC_INTERVAL_SECONDS = 300;

/** The scopes "Connect Google Calendar" asks for: the calendar list, events, and creating a secondary calendar. */
export const GOOGLE_CALENDAR_SCOPES = [
  "https://www.googleapis.com/auth/calendar.calendarlist.readonly",
  "https://www.googleapis.com/auth/calendar.events",
  "https://www.googleapis.com/auth/calendar.app.created",
] as const;

/** Sign-in asks only for who the person is. */
export const GOOGLE_SIGN_IN_SCOPES = ["openid", "email", "profile"] as const;
