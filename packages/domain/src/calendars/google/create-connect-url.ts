import { randomBytes } from "node:crypto";
import { CodeChallengeMethod } from "google-auth-library";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { googleNotConfigured } from "../calendars-errors.ts";
import type { ConnectUrlInput } from "../schemas.ts";
import { createGoogleOAuthClient } from "./google-clients.ts";
import { GOOGLE_CALENDAR_SCOPES, type GoogleConfig } from "./google-config.ts";
import { requireGoogle } from "./require-google.ts";

/** How long a person has to answer Google's consent page. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;
export const DEFAULT_RETURN_TO = "/settings";

/** Besides the calendar scopes: who the account is, so connecting it again finds its connection. */
const IDENTITY_SCOPES = ["openid", "email"];

/**
 * Where the browser goes to let AgendaCraft read and write the person's Google calendars.
 * A random `state` and the PKCE verifier are kept in calendar_oauth_states for the
 * callback (completeGoogleConnect), which must come back within OAUTH_STATE_TTL_MS.
 * Asks for offline access with consent every time, so Google always sends a refresh token.
 */
export async function createConnectUrl({
  db,
  google,
  actorId,
  input,
  clock,
}: {
  db: Db;
  google: GoogleConfig | null | undefined;
  actorId: string;
  input: ConnectUrlInput;
  clock: Clock;
}): Promise<{ url: string }> {
  const config = requireGoogle(google);
  if (!config.redirectUri) throw googleNotConfigured();
  const oauth = createGoogleOAuthClient(config, config.redirectUri);
  const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
  const state = randomBytes(32).toString("base64url");
  const now = clock.now();
  // Expired states are of no use to anyone (their index makes this cheap): the table stays small.
  await db.calendarOAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.calendarOAuthState.create({
    data: {
      id: state,
      userId: actorId,
      codeVerifier,
      returnTo: input?.returnTo ?? DEFAULT_RETURN_TO,
      expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
    },
  });
  const url = oauth.generateAuthUrl({
    access_type: "offline",
    prompt: "consent",
    include_granted_scopes: true,
    scope: [...GOOGLE_CALENDAR_SCOPES, ...IDENTITY_SCOPES],
    state,
    code_challenge_method: CodeChallengeMethod.S256,
    code_challenge: codeChallenge,
  });
  return { url };
}
