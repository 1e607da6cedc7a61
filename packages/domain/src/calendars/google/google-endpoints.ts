// Moved to shared/google (sign-in in iam needs them too); kept here so calendars' imports stay as they were.
export { type GoogleEndpoints, googleEndpoints } from "../../shared/google/google-endpoints.ts";
