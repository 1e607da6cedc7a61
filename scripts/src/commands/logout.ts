import { createAgendaCraftClient } from "@agendacraft/client";
import { cannotReachMessage } from "../lib/cannot-reach-message.ts";
import { credentialsPath, deleteCredentials, findCredentials } from "../lib/credentials-store.ts";
import { describeConnectionError } from "../lib/describe-connection-error.ts";
import type { ScriptsEnv } from "../lib/env.ts";
import { errorMessage } from "../lib/error-message.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { fetchWithTimeout } from "../lib/fetch-with-timeout.ts";
import { tokenLabel } from "../lib/token-label.ts";
import { trpcErrorCode } from "../lib/trpc-error-code.ts";

const DEFAULT_TIMEOUT_MS = 10_000;

export type LogoutCommandOptions = {
  env: Pick<ScriptsEnv, "urlOverride" | "token" | "configDir">;
  print: (line: string) => void;
  /** Where failures go; defaults to `print`. */
  printError?: (line: string) => void;
  timeoutMs?: number;
};

/**
 * `ac logout`: revokes the saved token on the server and deletes the credentials file.
 * The file goes even when revoking fails, so the machine no longer holds the secret;
 * the exit code then says the token itself may still work.
 */
export async function logoutCommand({
  env,
  print,
  printError = print,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: LogoutCommandOptions): Promise<ExitCode> {
  const credentials = await findCredentials(env.configDir);
  if (!credentials) {
    print("Not signed in; nothing to do.");
    // Otherwise `ac whoami` would still answer, which looks like logout failed.
    if (env.token) print("AGENDACRAFT_TOKEN is set in the environment; `ac logout` only removes saved credentials.");
    return ExitCode.ok;
  }

  const baseUrl = env.urlOverride ?? credentials.url;
  const client = createAgendaCraftClient({
    url: `${baseUrl}/trpc`,
    token: credentials.token,
    fetch: fetchWithTimeout(timeoutMs),
  });
  let failure: unknown = null;
  try {
    await client.iam.tokens.revoke.mutate({ id: credentials.tokenId });
  } catch (error) {
    failure = error;
  }
  await deleteCredentials(env.configDir);
  const path = credentialsPath(env.configDir);

  if (failure === null) {
    print(`Signed out ${credentials.email}: token revoked and ${path} deleted.`);
    return ExitCode.ok;
  }
  // The server no longer accepts the token, which is what revoking it would have achieved.
  if (trpcErrorCode(failure) === "UNAUTHORIZED") {
    print(`Signed out ${credentials.email}: the token was already revoked or expired; ${path} deleted.`);
    return ExitCode.ok;
  }
  const reason = describeConnectionError(failure);
  printError(
    reason
      ? cannotReachMessage(baseUrl, reason)
      : `AgendaCraft at ${baseUrl} answered, but iam.tokens.revoke failed: ${errorMessage(failure)}`,
  );
  printError(
    `The token could not be revoked. ${path} was deleted anyway, but the token (${tokenLabel(credentials.token)}) ` +
      "keeps working until you revoke it in the web app's settings.",
  );
  return ExitCode.failure;
}
