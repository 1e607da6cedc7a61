import { getAuthSecret } from "@agendacraft/domain/iam";
import { type Db, loadSecretKeyring, type SecretKeyring } from "@agendacraft/domain/shared";
import type { Env } from "./env.ts";

/** The keyring for secrets at rest: SECRETS_KEY and SECRETS_PREVIOUS_KEYS, else a key derived from the auth secret. */
export async function loadAppSecrets({
  env,
  db,
}: {
  env: Pick<Env, "AUTH_SECRET" | "SECRETS_KEY" | "SECRETS_PREVIOUS_KEYS">;
  db: Db;
}): Promise<SecretKeyring> {
  return loadSecretKeyring({
    configured: env.SECRETS_KEY,
    previous: env.SECRETS_PREVIOUS_KEYS,
    authSecret: await getAuthSecret({ db, configured: env.AUTH_SECRET }),
  });
}
