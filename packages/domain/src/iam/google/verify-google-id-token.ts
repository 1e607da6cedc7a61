import type { GoogleProfile } from "better-auth/social-providers";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { GoogleEndpoints } from "../../shared/google/google-endpoints.ts";

/** A Google id_token's claims (Google's profile fields may be missing, `sub` never is). */
export type GoogleIdTokenClaims = Partial<GoogleProfile> & { sub: string; nonce?: unknown };

/** Checks an id_token and returns its claims; throws when the token must not be trusted. */
export type GoogleIdTokenVerifier = (idToken: string, expectedNonce?: string) => Promise<GoogleIdTokenClaims>;

// Google's documented rules: RS256 signatures, tokens live one hour (30 s of clock skew,
// as better-auth's own verifier allows).
const ALGORITHMS = ["RS256"];
const MAX_TOKEN_AGE = "1h";
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies id_tokens the way Google documents it: signature by a key of the JWKS endpoint
 * (GOOGLE_BASE_URL's when set), issuer, audience (our client id), expiry and age. The key
 * set is fetched on first use and cached by jose (refetched for an unknown key id), so one
 * verifier serves the whole process.
 */
export function createGoogleIdTokenVerifier({
  endpoints,
  clientId,
}: {
  endpoints: GoogleEndpoints;
  clientId: string;
}): GoogleIdTokenVerifier {
  const keys = createRemoteJWKSet(new URL(endpoints.jwks));
  // Google writes its issuer with or without the scheme (`accounts.google.com`).
  const issuers = [endpoints.issuer, new URL(endpoints.issuer).host];
  return async (idToken, expectedNonce) => {
    const { payload } = await jwtVerify(idToken, keys, {
      issuer: issuers,
      audience: clientId,
      algorithms: ALGORITHMS,
      maxTokenAge: MAX_TOKEN_AGE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["sub", "iat", "exp"],
    });
    if (expectedNonce !== undefined && payload.nonce !== expectedNonce) {
      throw new Error("The id_token's nonce does not match the sign-in request");
    }
    return payload as GoogleIdTokenClaims;
  };
}
