import { randomBytes } from "node:crypto";
import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from "jose";

export type IdTokenClaims = {
  issuer: string;
  audience: string;
  subject: string;
  email: string;
  name: string;
  picture: string;
  nonce?: string;
  /** Hash of the access token issued alongside (OpenID Connect `at_hash`); omitted when none. */
  accessToken?: string;
};

/**
 * The RS256 key pair the fake signs id_tokens with, made fresh at every start. Published
 * both ways Google publishes its keys: a JWKS (`/oauth2/v3/certs`) and a PEM map keyed by
 * `kid` (`/oauth2/v1/certs`, which google-auth-library reads on Node).
 */
export type SigningKeys = {
  jwks: { keys: JWK[] };
  pems: Record<string, string>;
  signIdToken(claims: IdTokenClaims): Promise<string>;
};

export const ID_TOKEN_LIFETIME_SECONDS = 3600;

export async function createSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomBytes(20).toString("hex");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const pem = await exportSPKI(publicKey);
  return {
    jwks: { keys: [jwk] },
    pems: { [kid]: pem },
    signIdToken: (claims) => signIdToken(privateKey, kid, claims),
  };
}

async function signIdToken(privateKey: CryptoKey, kid: string, claims: IdTokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    azp: claims.audience,
    email: claims.email,
    email_verified: true,
    name: claims.name,
    picture: claims.picture,
    given_name: claims.name.split(" ")[0],
  };
  if (claims.nonce !== undefined) payload.nonce = claims.nonce;
  if (claims.accessToken !== undefined) payload.at_hash = await accessTokenHash(claims.accessToken);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setSubject(claims.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + ID_TOKEN_LIFETIME_SECONDS)
    .sign(privateKey);
}

/** OpenID Connect Core 3.1.3.6: the left half of the SHA-256 of the access token, base64url. */
async function accessTokenHash(accessToken: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken)));
  return Buffer.from(digest.slice(0, digest.length / 2)).toString("base64url");
}
