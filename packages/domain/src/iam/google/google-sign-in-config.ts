/**
 * What sign-in needs of the server's Google client. The server passes its GoogleConfig
 * (calendars' type, built from GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and GOOGLE_BASE_URL),
 * which has these fields; iam names only them so it does not depend on calendars.
 */
export type GoogleSignInConfig = {
  clientId: string;
  clientSecret: string;
  /** Replaces every Google origin (GOOGLE_BASE_URL); undefined: Google itself. */
  baseUrl?: string;
};
