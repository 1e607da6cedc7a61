// Moved to shared/google (sign-in in iam needs them too); kept here so calendars' imports stay as they were.
export {
  DEFAULT_GOOGLE_SYNC_INTERVAL_SECONDS,
  GOOGLE_CALENDAR_SCOPES,
  GOOGLE_SIGN_IN_SCOPES,
  type GoogleConfig,
} from "../../shared/google/google-config.ts";

/** The server's route that finishes "Connect Google Calendar"; registered at Google as a redirect URI. */
export const GOOGLE_CALLBACK_PATH = "/api/calendars/google/callback";
