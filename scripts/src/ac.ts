import { parseArgs } from "node:util";
import { healthCommand } from "./commands/health.ts";
import { readEnv } from "./lib/env.ts";
import { errorMessage } from "./lib/error-message.ts";
import { ExitCode } from "./lib/exit-codes.ts";

type Command = {
  summary: string;
  run(): Promise<ExitCode>;
};

const COMMANDS: Record<string, Command> = {
  health: {
    summary: "Show the server's version, uptime, instance id and readiness checks",
    run: () => healthCommand({ baseUrl: readEnv().baseUrl, print: console.log, printError: console.error }),
  },
};

const USAGE = `Usage: pnpm ac <command> [--help]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
  .join("\n")}

Environment:
  AGENDACRAFT_URL  the server's base URL (default http://localhost:3000)

Exit codes:
  0 success, 1 failure or server unreachable, 2 server answers but is not ready`;

async function main(argv: string[]): Promise<ExitCode> {
  // Options before the command belong to `ac`; everything after it belongs to the command.
  const commandIndex = argv.findIndex((arg) => !arg.startsWith("-"));
  const globalArgs = commandIndex === -1 ? argv : argv.slice(0, commandIndex);
  const commandName = commandIndex === -1 ? undefined : argv[commandIndex];
  const commandArgs = commandIndex === -1 ? [] : argv.slice(commandIndex + 1);

  const global = parseArgs({ args: globalArgs, options: { help: { type: "boolean", short: "h" } }, strict: true });
  if (commandName === undefined) {
    if (global.values.help) {
      console.log(USAGE);
      return ExitCode.ok;
    }
    console.error(USAGE);
    return ExitCode.failure;
  }

  const command = COMMANDS[commandName];
  if (!command) {
    console.error(`Unknown command: ${commandName}\n\n${USAGE}`);
    return ExitCode.failure;
  }

  // No command takes options yet; strict parsing still rejects typos instead of ignoring them.
  const local = parseArgs({ args: commandArgs, options: { help: { type: "boolean", short: "h" } }, strict: true });
  if (global.values.help || local.values.help) {
    console.log(`Usage: pnpm ac ${commandName}\n\n${command.summary}.`);
    return ExitCode.ok;
  }
  return command.run();
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Bad arguments and bad environment variables end here: one line, no stack trace.
  console.error(`ac: ${errorMessage(error)}`);
  process.exitCode = ExitCode.failure;
}
