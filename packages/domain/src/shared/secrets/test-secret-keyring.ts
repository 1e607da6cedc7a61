import { createSecretKeyring, SECRET_KEY_BYTES, type SecretKeyring } from "./secret-keyring.ts";

/** A fixed keyring for tests: `seed` picks the key, so two tests can hold different ones. */
export function testSecretKeyring(seed = 1): SecretKeyring {
  return createSecretKeyring({ current: Buffer.alloc(SECRET_KEY_BYTES, seed) });
}
