/**
 * Each calendar scope the server asks for (GOOGLE_CALENDAR_SCOPES in the domain), in the words
 * Google's consent screen shows next to its box, so the person knows which box to tick.
 */
const SCOPE_WORDS: Record<string, string> = {
  "https://www.googleapis.com/auth/calendar.calendarlist.readonly": "See the list of calendars you are subscribed to",
  "https://www.googleapis.com/auth/calendar.events": "View and edit events on all your calendars",
  "https://www.googleapis.com/auth/calendar.app.created":
    "Make secondary Google calendars, and see, create, change and delete events on them",
};

/** The name of one permission, quoted; an unknown scope is named as Google sent it. */
export function permissionWords(scope: string): string {
  const words = SCOPE_WORDS[scope];
  return `“${words ?? scope}”`;
}

export type GoogleReturn = { tone: "success" | "error"; message: string };

/** The query parameters the OAuth callback adds when it sends the browser back here. */
export const GOOGLE_RETURN_PARAMS = ["google", "missing"] as const;

/**
 * What the OAuth round trip ended in (`?google=connected|denied|missing_scope|expired`, the
 * server's redirect back to Settings), in words; null when the page was not opened by it.
 */
export function readGoogleReturn(search: URLSearchParams): GoogleReturn | null {
  switch (search.get("google")) {
    case "connected":
      return {
        tone: "success",
        message: "Google Calendar is connected. Its busy time now shows in your week and plans go around it.",
      };
    case "denied":
      return {
        tone: "error",
        message: "Google Calendar was not connected: access was denied on Google's page. Connect again to allow it.",
      };
    case "missing_scope": {
      const missing = (search.get("missing") ?? "")
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(permissionWords);
      const which =
        missing.length === 0
          ? "a calendar permission was not granted"
          : `${missing.length === 1 ? "this permission was" : "these permissions were"} not granted: ${missing.join(", ")}`;
      return {
        tone: "error",
        message: `Google Calendar was not connected: ${which}. Connect again and leave every calendar box ticked on Google's page.`,
      };
    }
    case "expired":
      return {
        tone: "error",
        message: "The link to Google expired before it came back. Try connecting again.",
      };
    default:
      return null;
  }
}
