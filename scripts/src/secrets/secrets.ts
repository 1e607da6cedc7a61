// pnpm secrets rotate — re-encrypts the secrets stored in the database with the current key,
// straight on the database the server uses: DATABASE_URL, or the embedded one in DATA_DIR
// (stop the server first: the embedded database belongs to one process at a time).
import { parseArgs } from "node:util";
import { createDatabase } from "@agendacraft/db/client";
import { getAuthSecret } from "@agendacraft/domain/iam";
import { loadSecretKeyring } from "@agendacraft/domain/shared";
import { errorMessage } from "../lib/error-message.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { readSecretsEnv } from "./env.ts";
import { rotateCommand } from "./rotate-command.ts";

const USAGE = `Usage: pnpm secrets rotate

Commands:
  rotate  Re-encrypt every stored secret (calendar addresses) with SECRETS_KEY, opening them
          with SECRETS_KEY, SECRETS_PREVIOUS_KEYS or the key derived from the auth secret

Environment (the same values the servers use):
  SECRETS_KEY            the current key (unset: derived from AUTH_SECRET or the stored auth secret)
  SECRETS_PREVIOUS_KEYS  comma-separated older keys still to be read
  AUTH_SECRET            the auth secret, when the servers set one
  DATABASE_URL           the PostgreSQL database; unset: the embedded one in DATA_DIR (stop the server first)`;

const print = (line: string) => console.log(line);
const printError = (line: string) => console.error(line);

async function main(argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    print(USAGE);
    return ExitCode.ok;
  }
  if (positionals.length !== 1 || positionals[0] !== "rotate") {
    printError(USAGE);
    return ExitCode.failure;
  }
  const env = readSecretsEnv();
  print(env.databaseUrl ? "Opening the PostgreSQL database in DATABASE_URL..." : "Opening the embedded database...");
  const db = await createDatabase({ url: env.databaseUrl, dataDir: env.dataDir, migrate: true });
  try {
    const secrets = loadSecretKeyring({
      configured: env.secretsKey,
      previous: env.previousKeys,
      authSecret: await getAuthSecret({ db: db.prisma, configured: env.authSecret }),
    });
    return await rotateCommand({ db: db.prisma, secrets, print, printError });
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  printError(`secrets: ${errorMessage(error)}`);
  process.exitCode = ExitCode.failure;
}
