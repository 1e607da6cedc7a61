import { refreshAccessToken } from "better-auth/oauth2";
import type { GoogleOptions, GoogleProfile } from "better-auth/social-providers";
import { googleEndpoints } from "../../shared/google/google-endpoints.ts";
import type { GoogleSignInConfig } from "./google-sign-in-config.ts";
import { createGoogleIdTokenVerifier } from "./verify-google-id-token.ts";

/**
 * better-auth's Google provider, with every endpoint it calls taken from GOOGLE_BASE_URL
 * through the options it offers (the token endpoint has none: see google-token-endpoint.ts).
 * The library only decodes the id_token of the code flow; here its signature, issuer and
 * audience are checked before anyone is signed in.
 */
export function googleSignInProvider(config: GoogleSignInConfig): GoogleOptions {
  const endpoints = googleEndpoints(config.baseUrl);
  const verify = createGoogleIdTokenVerifier({ endpoints, clientId: config.clientId });
  return {
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorizationEndpoint: endpoints.authorize,
    // Someone signed in to several Google accounts picks one instead of being signed in
    // silently with whichever is current.
    prompt: "select_account",
    // Only the browser's redirect flow signs people in; a client-sent id_token is refused.
    disableIdTokenSignIn: true,
    async getUserInfo(tokens) {
      if (!tokens.idToken) return null;
      // better-auth passes the nonce it stored in the state along with the tokens.
      const { expectedIdTokenNonce } = tokens as { expectedIdTokenNonce?: string };
      const claims = await verify(tokens.idToken, expectedIdTokenNonce).catch(() => null);
      if (!claims) return null;
      return {
        user: {
          name: claims.name ?? "",
          email: claims.email,
          image: claims.picture,
          emailVerified: claims.email_verified === true,
        },
        // The verified claims; the account is keyed by their `sub` (the provider's accountSubject).
        data: claims as GoogleProfile,
      };
    },
    refreshAccessToken: (refreshToken) =>
      refreshAccessToken({
        refreshToken,
        options: { clientId: config.clientId, clientSecret: config.clientSecret },
        tokenEndpoint: endpoints.token,
      }),
  };
}
