export { deriveSecretKey } from "./derive-secret-key.ts";
export { loadSecretKeyring } from "./load-secret-keyring.ts";
export { isSealedSecret, openSecret, sealedSecretKeyId, sealSecret } from "./seal-secret.ts";
export { ZSecretKeyListVariable, ZSecretKeyVariable } from "./secret-key-schemas.ts";
export {
  createSecretKeyring,
  SECRET_KEY_BYTES,
  type SecretKey,
  type SecretKeyring,
  secretKeyId,
} from "./secret-keyring.ts";
export { testSecretKeyring } from "./test-secret-keyring.ts";
