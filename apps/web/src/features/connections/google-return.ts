import { GOOGLE_CALENDAR_PERMISSIONS } from "@agendacraft/domain/calendars/schemas";
import type { OAuthReturn } from "./oauth-return.ts";

/**
 * One permission the callback named as missing (`missing=calendar.events,...`, the scope's
 * short name), in the words a person recognises; an unknown one is named as Google spells it.
 */
export function permissionWords(permission: string): string {
  const words = (GOOGLE_CALENDAR_PERMISSIONS as Record<string, string>)[permission];
  return `“${words ?? permission}”`;
}

export type GoogleReturn = OAuthReturn;

/** The query parameters the OAuth callback adds when it sends the browser back here. */
export const GOOGLE_RETURN_PARAMS = ["google", "missing", "connection"] as const;

/**
 * What the OAuth round trip ended in (`?google=connected|denied|missing_scope|expired|failed`, the
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
    case "failed":
      return {
        tone: "error",
        message: "Google Calendar could not be connected: Google's answer did not come through. Try again in a moment.",
      };
    case "expired":
      return {
        tone: "error",
        message: "The link to Google expired before it came back. Try connecting again.",
      };
    default:
      return null;
  }
}
