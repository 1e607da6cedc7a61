import type { GoogleSignInConfig } from "./google/google-sign-in-config.ts";
import type { AuthProvidersDto } from "./schemas.ts";

/** The ways to sign in the web offers buttons for: Google only when the server has a Google client. */
export function listAuthProviders({ google }: { google?: GoogleSignInConfig | null }): AuthProvidersDto {
  return { google: Boolean(google) };
}
