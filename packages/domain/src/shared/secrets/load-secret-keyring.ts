import { deriveSecretKey } from "./derive-secret-key.ts";
import { createSecretKeyring, type SecretKeyring } from "./secret-keyring.ts";

/**
 * The keyring from configuration: SECRETS_KEY seals (else the key derived from the auth
 * secret does). The derived key always opens too, so an install that starts setting
 * SECRETS_KEY reads what it sealed before, until a rotation re-seals it.
 */
export function loadSecretKeyring({
  configured,
  previous = [],
  authSecret,
}: {
  configured: Buffer | undefined;
  previous?: readonly Buffer[];
  authSecret: string;
}): SecretKeyring {
  const derived = deriveSecretKey(authSecret);
  return createSecretKeyring({ current: configured ?? derived, previous: [...previous, derived] });
}
