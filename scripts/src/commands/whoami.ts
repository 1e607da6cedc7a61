import { createAgendaCraftClient } from "@agendacraft/client";
import { cannotReachMessage } from "../lib/cannot-reach-message.ts";
import { describeConnectionError } from "../lib/describe-connection-error.ts";
import type { ScriptsEnv } from "../lib/env.ts";
import { errorMessage } from "../lib/error-message.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { fetchWithTimeout } from "../lib/fetch-with-timeout.ts";
import { findActiveToken } from "../lib/resolve-token.ts";
import { tokenLabel } from "../lib/token-label.ts";
import { trpcErrorCode } from "../lib/trpc-error-code.ts";

const DEFAULT_TIMEOUT_MS = 10_000;

export type WhoamiCommandOptions = {
  env: Pick<ScriptsEnv, "baseUrl" | "urlOverride" | "token" | "configDir">;
  print: (line: string) => void;
  /** Where failures go; defaults to `print`. */
  printError?: (line: string) => void;
  timeoutMs?: number;
};

/** `ac whoami`: who the saved (or AGENDACRAFT_TOKEN) token acts as, checked with the server. */
export async function whoamiCommand({
  env,
  print,
  printError = print,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: WhoamiCommandOptions): Promise<ExitCode> {
  const active = await findActiveToken(env);
  if (!active) {
    printError("Not signed in. Run `pnpm ac login`.");
    return ExitCode.failure;
  }

  const client = createAgendaCraftClient({
    url: `${active.baseUrl}/trpc`,
    token: active.token,
    fetch: fetchWithTimeout(timeoutMs),
  });
  let me: Awaited<ReturnType<typeof client.iam.me.query>>;
  try {
    me = await client.iam.me.query();
  } catch (error) {
    if (trpcErrorCode(error) === "UNAUTHORIZED") {
      printError(
        active.source.kind === "env"
          ? "AGENDACRAFT_TOKEN is not accepted by the server (revoked, expired or mistyped)."
          : "The saved token no longer works (revoked or expired). Run `pnpm ac login` again.",
      );
    } else {
      const reason = describeConnectionError(error);
      printError(
        reason
          ? cannotReachMessage(active.baseUrl, reason)
          : `AgendaCraft at ${active.baseUrl} answered, but iam.me failed: ${errorMessage(error)}`,
      );
    }
    return ExitCode.failure;
  }

  const source = active.source.kind === "env" ? "from AGENDACRAFT_TOKEN" : `saved in ${active.source.path}`;
  print(`${me.name} <${me.email}>`);
  print(row("Server", active.baseUrl));
  print(row("Time zone", me.timeZone));
  print(row("Token", `${tokenLabel(active.token)} ${source}`));
  return ExitCode.ok;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(10)} ${value}`;
}
