import { sealFeedUrls } from "@agendacraft/domain/calendars";
import type { Db } from "@agendacraft/domain/shared";
import type { Logger } from "pino";
import type { Env } from "./env.ts";
import { loadAppSecrets } from "./load-app-secrets.ts";

/**
 * At every start of the server or a worker: loads the keyring and seals any secret still
 * stored in plaintext (rows from before encryption; after the first start there are none
 * and this is one query). If it fails, the process says why in one line and exits 1.
 */
export async function prepareSecrets({ env, db, log }: { env: Env; db: Db; log: Logger }) {
  try {
    const secrets = await loadAppSecrets({ env, db });
    const { sealed, unreadable } = await sealFeedUrls({ db, secrets, scope: "plaintext" });
    if (sealed > 0 || unreadable > 0)
      log.info({ sealed, unreadable }, "encrypted calendar addresses stored in plaintext");
    log.info({ keyId: secrets.current.id, configured: env.SECRETS_KEY !== undefined }, "secrets at rest ready");
    return secrets;
  } catch (error) {
    log.fatal({ err: error }, "could not prepare the secrets at rest");
    console.error(`Could not prepare the secrets at rest: ${(error as Error).message.split("\n")[0]}`);
    process.exit(1);
  }
}
