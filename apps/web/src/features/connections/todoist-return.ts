import type { OAuthReturn } from "./oauth-return.ts";
/** A notice after Todoist's consent page sent the browser back. */
export type TodoistReturn = OAuthReturn;

/** The query parameters the OAuth callback adds when it sends the browser back here. */
export const TODOIST_RETURN_PARAMS = ["todoist", "reason"] as const;

/**
 * Why the round trip failed, for the reasons the callback names. An unknown reason is not
 * repeated: the address can be written by anyone, and the page must not say what they wrote.
 */
const REASONS: Record<string, string> = {
  denied: "access was denied on Todoist's page. Connect again to allow it.",
  access_denied: "access was denied on Todoist's page. Connect again to allow it.",
  expired: "the link to Todoist expired before it came back. Try connecting again.",
  invalid_state: "the link to Todoist expired before it came back. Try connecting again.",
  failed: "Todoist's answer did not come through. Try again in a moment.",
  unavailable: "Todoist could not be reached. Try again in a few minutes.",
};

/**
 * What the OAuth round trip ended in (`?todoist=connected`, or `?todoist=error&reason=...`), in
 * words; null when the page was not opened by it.
 */
export function readTodoistReturn(search: URLSearchParams): TodoistReturn | null {
  switch (search.get("todoist")) {
    case "connected":
      return {
        tone: "success",
        message: "Todoist is connected. Its projects and tasks are being imported; progress shows below.",
      };
    case "error": {
      const reason = REASONS[search.get("reason") ?? ""] ?? "something went wrong on the way back. Try again.";
      return { tone: "error", message: `Todoist was not connected: ${reason}` };
    }
    default:
      return null;
  }
}
