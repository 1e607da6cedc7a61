import { calendar_v3 } from "@googleapis/calendar";
import { OAuth2Client } from "google-auth-library";
import type { GoogleConfig } from "./google-config.ts";
import { googleEndpoints } from "./google-endpoints.ts";

/**
 * Google's own OAuth client, pointed at GOOGLE_BASE_URL's origin when set. It builds the
 * consent URL (with PKCE), exchanges codes, refreshes and revokes tokens. It never
 * refreshes on its own: callers refresh under a per-connection lock (get-access-token.ts).
 */
export function createGoogleOAuthClient(config: GoogleConfig, redirectUri?: string): OAuth2Client {
  const endpoints = googleEndpoints(config.baseUrl);
  return new OAuth2Client({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: endpoints.authorize,
      oauth2TokenUrl: endpoints.token,
      oauth2RevokeUrl: endpoints.revoke,
      oauth2FederatedSignonJwkCertsUrl: endpoints.jwks,
    },
  });
}

/**
 * The Calendar v3 API for one access token. Retries are off: a failed call fails its job,
 * and the job queue retries it later with backoff (honouring Retry-After), so a quota
 * error never turns into a burst of requests.
 */
export function createCalendarApi(config: GoogleConfig, accessToken: string): calendar_v3.Calendar {
  const endpoints = googleEndpoints(config.baseUrl);
  const auth = createGoogleOAuthClient(config);
  auth.setCredentials({ access_token: accessToken });
  return new calendar_v3.Calendar({
    auth,
    rootUrl: `${new URL(endpoints.calendar).origin}/`,
    retry: false,
    timeout: GOOGLE_REQUEST_TIMEOUT_MS,
  });
}

export const GOOGLE_REQUEST_TIMEOUT_MS = 20_000;
