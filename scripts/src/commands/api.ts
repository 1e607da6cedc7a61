import { cannotReachMessage } from "../lib/cannot-reach-message.ts";
import { describeConnectionError } from "../lib/describe-connection-error.ts";
import type { ScriptsEnv } from "../lib/env.ts";
import { errorMessage } from "../lib/error-message.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { fetchWithTimeout } from "../lib/fetch-with-timeout.ts";
import { findActiveToken } from "../lib/resolve-token.ts";

const DEFAULT_TIMEOUT_MS = 30_000;
const METHODS = new Set(["GET", "POST", "PATCH", "PUT", "DELETE"]);

export type ApiCommandOptions = {
  env: Pick<ScriptsEnv, "baseUrl" | "urlOverride" | "token" | "configDir">;
  method: string | undefined;
  path: string | undefined;
  /** The JSON body as typed (the third argument or `--data`); `-` reads it from stdin. */
  body: string | undefined;
  readStdin: () => Promise<string>;
  /** The answer's body: stdout, so it can be piped into jq or a file. */
  print: (line: string) => void;
  /** The status line, the Link header and failures. */
  printError: (line: string) => void;
  timeoutMs?: number;
};

/**
 * `ac api <METHOD> <path> [json-body]`: one call to the REST API with the token `ac login`
 * saved (or AGENDACRAFT_TOKEN), for exploring it without copying the token into curl.
 */
export async function apiCommand({
  env,
  method: rawMethod,
  path,
  body: rawBody,
  readStdin,
  print,
  printError,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: ApiCommandOptions): Promise<ExitCode> {
  const method = rawMethod?.toUpperCase();
  if (!method || !METHODS.has(method) || !path?.startsWith("/")) {
    printError("Usage: pnpm ac api <GET|POST|PATCH|PUT|DELETE> </api/v1/...> [json-body]");
    return ExitCode.failure;
  }
  const bodyText = rawBody === "-" ? await readStdin() : rawBody;
  if (bodyText !== undefined) {
    try {
      JSON.parse(bodyText);
    } catch (error) {
      printError(`The body is not JSON (${errorMessage(error)}): ${bodyText}`);
      return ExitCode.failure;
    }
  }

  const active = await findActiveToken(env);
  if (!active) {
    printError("Not signed in. Run `pnpm ac login`.");
    return ExitCode.failure;
  }

  let response: Response;
  let text: string;
  try {
    response = await fetchWithTimeout(timeoutMs)(`${active.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${active.token}`,
        accept: "application/json",
        ...(bodyText === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(bodyText === undefined ? {} : { body: bodyText }),
    });
    text = await response.text();
  } catch (error) {
    const reason = describeConnectionError(error);
    printError(
      reason ? cannotReachMessage(active.baseUrl, reason) : `${method} ${path} failed: ${errorMessage(error)}`,
    );
    return ExitCode.failure;
  }

  printError(`HTTP ${response.status} ${response.statusText}`);
  const link = response.headers.get("link");
  if (link) printError(`Link: ${link}`);
  const json = parseJson(text);
  if (text) print(json === undefined ? text : JSON.stringify(json, null, 2));
  if (response.status < 400) return ExitCode.ok;

  const error = (json as { error?: { message?: unknown; code?: unknown } } | undefined)?.error;
  printError(
    typeof error?.message === "string"
      ? `Error: ${error.message}${typeof error.code === "string" ? ` (${error.code})` : ""}`
      : `Error: HTTP ${response.status} ${response.statusText}`,
  );
  return ExitCode.failure;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
