import { text } from "node:stream/consumers";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { apiCommand } from "./commands/api.ts";
import { healthCommand } from "./commands/health.ts";
import { loginCommand } from "./commands/login.ts";
import { logoutCommand } from "./commands/logout.ts";
import { todoistImportCommand } from "./commands/todoist-import.ts";
import { whoamiCommand } from "./commands/whoami.ts";
import { readEnv } from "./lib/env.ts";
import { errorMessage } from "./lib/error-message.ts";
import { ExitCode } from "./lib/exit-codes.ts";
import { terminalPrompts } from "./lib/terminal-prompts.ts";

type Command = {
  summary: string;
  /** Options that take a value (`--email <address>`); `--help` lists them. */
  options?: Record<string, { value: string; description: string }>;
  /** Arguments without a dash, as `--help` shows them (`<METHOD> <path>`); none when absent. */
  positionals?: string;
  run(options: Partial<Record<string, string>>, positionals: string[]): Promise<ExitCode>;
};

const print = (line: string) => console.log(line);
const printError = (line: string) => console.error(line);

const COMMANDS: Record<string, Command> = {
  health: {
    summary: "Show the server's version, uptime, instance id and readiness checks",
    run: () => healthCommand({ baseUrl: readEnv().baseUrl, print, printError }),
  },
  login: {
    summary: "Sign in with email and password and save a personal API token for the other commands",
    options: {
      email: { value: "<address>", description: "the account's email address (asked when missing)" },
      name: { value: "<token name>", description: 'names the token (default "ac on <this host\'s name>")' },
      "expires-in-days": { value: "<days>", description: "lets the token expire (default: it never does)" },
    },
    run: (options) => {
      const env = readEnv();
      return loginCommand({
        baseUrl: env.baseUrl,
        configDir: env.configDir,
        email: options.email,
        tokenName: options.name,
        expiresInDays: wholeDays("expires-in-days", options["expires-in-days"]),
        prompts: terminalPrompts({ envPassword: env.password }),
        print,
        printError,
      });
    },
  },
  whoami: {
    summary: "Show the account the saved token (or AGENDACRAFT_TOKEN) acts for",
    run: () => whoamiCommand({ env: readEnv(), print, printError }),
  },
  logout: {
    summary: "Revoke the saved token on the server and delete it from this machine",
    run: () => logoutCommand({ env: readEnv(), print, printError }),
  },
  api: {
    summary: "Call the REST API with the saved token: prints the JSON answer, its status and Link header",
    positionals: "<GET|POST|PATCH|PUT|DELETE> </api/v1/...> [json-body]",
    options: {
      data: { value: "<json>", description: "the JSON body, instead of the third argument; - reads it from stdin" },
    },
    run: (options, [method, path, body, ...extra]) => {
      if (extra.length > 0) throw new Error(`api takes at most three arguments, got also: ${extra.join(" ")}`);
      if (body !== undefined && options.data !== undefined) throw new Error("Give the body once: argument or --data");
      return apiCommand({
        env: readEnv(),
        method,
        path,
        body: body ?? options.data,
        readStdin: () => text(process.stdin),
        print,
        printError,
      });
    },
  },
  "todoist import": {
    summary: "Import from Todoist (or sync the changes) now, with a progress bar and a summary",
    run: () =>
      todoistImportCommand({
        env: readEnv(),
        print,
        printError,
        progress: { isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text) },
      }),
  },
};

/** The widest name (two-word ones such as `todoist import` included) sets where summaries start. */
const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((name) => name.length));

const USAGE = `Usage: pnpm ac <command> [options] [--help]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(NAME_WIDTH)} ${command.summary}`)
  .join("\n")}

Environment:
  AGENDACRAFT_URL         the server's base URL (default http://localhost:3000); for whoami, api and
                          logout it replaces the URL saved by login
  AGENDACRAFT_TOKEN       an API token that whoami and api use instead of the saved one (CI)
  AGENDACRAFT_CONFIG_DIR  where login saves credentials.json (default ~/.config/agendacraft)
  AGENDACRAFT_PASSWORD    the password for login when stdin is not a terminal
                          (otherwise the first line of stdin is read)

Exit codes:
  0 success, 1 failure or server unreachable, 2 server answers but is not ready`;

function commandUsage(name: string, command: Command): string {
  const options = Object.entries(command.options ?? {}).map(([option, { value }]) => `--${option} ${value}`);
  const lines = [
    `Usage: pnpm ac ${[name, ...(command.positionals ? [command.positionals] : []), ...options.map((option) => `[${option}]`)].join(" ")}`,
    "",
    `${command.summary}.`,
  ];
  if (options.length > 0) {
    const width = Math.max(...options.map((option) => option.length));
    lines.push("", "Options:");
    Object.values(command.options ?? {}).forEach(({ description }, index) => {
      lines.push(`  ${(options[index] ?? "").padEnd(width)}  ${description}`);
    });
  }
  return lines.join("\n");
}

/** A positive whole number from an option, or undefined when the option was not given. */
function wholeDays(option: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const days = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || days < 1) {
    throw new Error(`--${option} must be a whole number of days (1 or more), got "${raw}"`);
  }
  return days;
}

async function main(argv: string[]): Promise<ExitCode> {
  // Options before the command belong to `ac`; everything after it belongs to the command.
  const commandIndex = argv.findIndex((arg) => !arg.startsWith("-"));
  const globalArgs = commandIndex === -1 ? argv : argv.slice(0, commandIndex);
  const firstWord = commandIndex === -1 ? undefined : argv[commandIndex];
  const secondWord = commandIndex === -1 ? undefined : argv[commandIndex + 1];
  // `todoist import`: a command of two words wins over one of its first word.
  const twoWords = secondWord !== undefined && `${firstWord} ${secondWord}` in COMMANDS;
  const commandName = twoWords ? `${firstWord} ${secondWord}` : firstWord;
  const commandArgs = commandIndex === -1 ? [] : argv.slice(commandIndex + (twoWords ? 2 : 1));

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
    const subCommands = Object.keys(COMMANDS).filter((name) => name.startsWith(`${commandName} `));
    console.error(
      subCommands.length > 0
        ? `${commandName} needs one of: ${subCommands.map((name) => name.slice(commandName.length + 1)).join(", ")}\n\n${USAGE}`
        : `Unknown command: ${commandName}\n\n${USAGE}`,
    );
    return ExitCode.failure;
  }

  // Strict parsing rejects typos and unknown options instead of ignoring them.
  const optionNames = Object.keys(command.options ?? {});
  const options: ParseArgsConfig["options"] = { help: { type: "boolean", short: "h" } };
  for (const option of optionNames) options[option] = { type: "string" };
  const local = parseArgs({
    args: commandArgs,
    options,
    strict: true,
    allowPositionals: command.positionals !== undefined,
  });
  if (global.values.help || local.values.help) {
    console.log(commandUsage(commandName, command));
    return ExitCode.ok;
  }
  const values: Partial<Record<string, string>> = {};
  for (const option of optionNames) {
    const value = local.values[option];
    if (typeof value === "string") values[option] = value;
  }
  return command.run(values, local.positionals);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Bad arguments and bad environment variables end here: one line, no stack trace.
  console.error(`ac: ${errorMessage(error)}`);
  process.exitCode = ExitCode.failure;
}
