// pnpm jobs — looks after the job queue's dead letters, straight on the database the server
// uses: DATABASE_URL, or the embedded one in DATA_DIR (stop the server first: the embedded
// database belongs to one process at a time).
import { parseArgs } from "node:util";
import { createDatabase } from "@agendacraft/db/client";
import { createJobQueue } from "@agendacraft/db/jobs";
import { readDatabaseEnv } from "../lib/env.ts";
import { errorMessage } from "../lib/error-message.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { deadLettersCommand } from "./dead-letters-command.ts";
import { retryCommand } from "./retry-command.ts";

const USAGE = `Usage: pnpm jobs dead-letters [--queue <name>] [--limit <n>]
       pnpm jobs retry <id>

Commands:
  dead-letters  List jobs that used up their retries (id, queue, when, last error, data), newest first
  retry <id>    Send a dead letter's data to its original queue again

Environment:
  DATABASE_URL  the PostgreSQL database the server uses; unset: the embedded one in DATA_DIR
  DATA_DIR      the embedded database's directory (default .data/db); stop the server first`;

const print = (line: string) => console.log(line);
const printError = (line: string) => console.error(line);

/** PostgreSQL's "undefined table": the server has never started on this database. */
const UNDEFINED_TABLE = "42P01";

async function main(argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { queue: { type: "string" }, limit: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, ...rest] = positionals;
  if (values.help) {
    print(USAGE);
    return ExitCode.ok;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    throw new Error(`--limit must be a whole number from 1, got "${values.limit}"`);
  }
  if (!(command === "dead-letters" && rest.length === 0) && !(command === "retry" && rest.length === 1)) {
    printError(USAGE);
    return ExitCode.failure;
  }

  const { databaseUrl, dataDir } = readDatabaseEnv();
  print(databaseUrl ? "Opening the PostgreSQL database in DATABASE_URL..." : "Opening the embedded database...");
  const db = await createDatabase({ url: databaseUrl, dataDir });
  try {
    // No start(): reading and re-queueing need no workers, and an admin tool installs nothing.
    const jobs = createJobQueue({ pool: db.pool, maintenance: false });
    if (command === "retry") return await retryCommand({ jobs, id: rest[0] ?? "", print, printError });
    return await deadLettersCommand({ jobs, queue: values.queue, limit, print });
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) {
      printError("This database has no job queue yet: the server creates it when it first starts.");
      return ExitCode.failure;
    }
    throw error;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  printError(`jobs: ${errorMessage(error)}`);
  process.exitCode = ExitCode.failure;
}
