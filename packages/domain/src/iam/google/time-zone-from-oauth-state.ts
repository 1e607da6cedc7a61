import { getOAuthState } from "better-auth/api";
import { isValidTimeZone } from "../schemas.ts";

/**
 * The time zone the browser sent with "Continue with Google" (`additionalData.timeZone`),
 * read back while the callback creates the user; undefined outside an OAuth callback or
 * when it is not a real IANA zone (the value comes from the client).
 */
export async function timeZoneFromOAuthState(): Promise<string | undefined> {
  // Outside a request (a script creating users) the library has no state to read and throws.
  const state = await getOAuthState().catch(() => null);
  // better-auth spreads `additionalData` into the state itself.
  const timeZone = (state as { timeZone?: unknown } | null)?.timeZone;
  return typeof timeZone === "string" && isValidTimeZone(timeZone) ? timeZone : undefined;
}
