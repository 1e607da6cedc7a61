/**
 * Every Google endpoint the server calls. With a base URL (GOOGLE_BASE_URL) each origin is
 * replaced by that one origin and the paths stay as Google documents them, so a fake
 * server only has to serve Google's paths.
 */
export type GoogleEndpoints = {
  /** The consent page the browser is sent to (accounts.google.com). */
  authorize: string;
  /** Code exchange and refresh (oauth2.googleapis.com). */
  token: string;
  /** Revoking a refresh token when a connection is removed (oauth2.googleapis.com). */
  revoke: string;
  /** Keys that sign id_tokens (www.googleapis.com). */
  jwks: string;
  /** Who the token belongs to (openidconnect.googleapis.com). */
  userinfo: string;
  /** The Calendar API root, without a trailing slash (www.googleapis.com/calendar/v3). */
  calendar: string;
  /** What id_tokens carry as `iss`. */
  issuer: string;
};

export function googleEndpoints(baseUrl?: string): GoogleEndpoints {
  const origin = (real: string) => (baseUrl ? new URL(baseUrl).origin : real);
  const accounts = origin("https://accounts.google.com");
  const oauth2 = origin("https://oauth2.googleapis.com");
  const www = origin("https://www.googleapis.com");
  const openidconnect = origin("https://openidconnect.googleapis.com");
  return {
    authorize: `${accounts}/o/oauth2/v2/auth`,
    token: `${oauth2}/token`,
    revoke: `${oauth2}/revoke`,
    jwks: `${www}/oauth2/v3/certs`,
    userinfo: `${openidconnect}/v1/userinfo`,
    calendar: `${www}/calendar/v3`,
    issuer: accounts,
  };
}
