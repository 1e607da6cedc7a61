// Moved to shared/google (sign-in in iam needs them too); kept here so calendars' imports stay as they were.
export {
  DEFAULT_GOOGLE_SYNC_INTERVAL_SECONDS,
  GOOGLE_CALENDAR_SCOPES,
  GOOGLE_SIGN_IN_SCOPES,
  type GoogleConfig,
} from "../../shared/google/google-config.ts";
