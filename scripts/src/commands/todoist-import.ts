import { type AgendaCraftClient, createAgendaCraftClient, domainErrorCode } from "@agendacraft/client";
import type { TodoistStatusDto, TodoistSyncResult } from "@agendacraft/domain/todoist/schemas";
import { cannotReachMessage } from "../lib/cannot-reach-message.ts";
import { describeConnectionError } from "../lib/describe-connection-error.ts";
import type { ScriptsEnv } from "../lib/env.ts";
import { errorMessage } from "../lib/error-message.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { fetchWithTimeout } from "../lib/fetch-with-timeout.ts";
import { type ActiveToken, findActiveToken } from "../lib/resolve-token.ts";
import { trpcErrorCode } from "../lib/trpc-error-code.ts";
import { createTodoistProgress, type ProgressStream } from "./todoist-import-progress.ts";
import { formatTodoistSummary } from "./todoist-import-summary.ts";

const STATUS_TIMEOUT_MS = 10_000;
/** todoist.sync() answers within 60 s (with `running` when the run goes on); room for a slow network. */
const SYNC_TIMEOUT_MS = 90_000;
const DEFAULT_POLL_MS = 500;

const NOT_CONNECTED =
  "Todoist is not connected. Connect it first in AgendaCraft: Settings → Connections → Todoist (paste your Todoist API token there), then run `pnpm ac todoist import` again.";

export type TodoistImportCommandOptions = {
  env: Pick<ScriptsEnv, "baseUrl" | "urlOverride" | "token" | "configDir">;
  /** The summary (stdout). */
  print: (line: string) => void;
  /** Failures (stderr); defaults to `print`. */
  printError?: (line: string) => void;
  /** Where the progress is drawn (stderr). */
  progress: ProgressStream;
  pollMs?: number;
};

/**
 * `ac todoist import`: runs an import (or an incremental sync) now with the saved token, drawing
 * the run's progress from todoist.status() while todoist.sync() waits for it, then the summary.
 */
export async function todoistImportCommand({
  env,
  print,
  printError = print,
  progress,
  pollMs = DEFAULT_POLL_MS,
}: TodoistImportCommandOptions): Promise<ExitCode> {
  const active = await findActiveToken(env);
  if (!active) {
    printError("Not signed in. Run `pnpm ac login`.");
    return ExitCode.failure;
  }
  const clientFor = (timeoutMs: number) =>
    createAgendaCraftClient({ url: `${active.baseUrl}/trpc`, token: active.token, fetch: fetchWithTimeout(timeoutMs) });
  const quick = clientFor(STATUS_TIMEOUT_MS);
  const bar = createTodoistProgress(progress);

  try {
    const before = await quick.todoist.status.query();
    if (!before.connected) {
      printError(NOT_CONNECTED);
      return ExitCode.failure;
    }
    if (before.needsReconnect) {
      printError(reconnectMessage(before));
      return ExitCode.failure;
    }
    const answer = await whilePolling(clientFor(SYNC_TIMEOUT_MS).todoist.sync.mutate(), quick, bar.update, pollMs);
    let result: TodoistSyncResult = answer;
    if (answer.running) {
      // Still going after a minute: the run continues on the server, so keep watching it end.
      const after = await untilIdle(quick, bar.update, pollMs);
      bar.finish();
      if (after.lastError || !after.lastResult) {
        printError(after.lastError ?? "The Todoist sync ended without a result. See Settings → Connections.");
        return ExitCode.failure;
      }
      result = { ...after.lastResult, unmapped: after.unmapped };
    }
    bar.finish();
    for (const line of formatTodoistSummary(result)) print(line);
    return ExitCode.ok;
  } catch (error) {
    bar.finish();
    printError(failureMessage(active, error));
    return ExitCode.failure;
  }
}

/** Waits for `work`, reading the status every `pollMs` meanwhile to draw the run's progress. */
async function whilePolling<T>(
  work: Promise<T>,
  client: AgendaCraftClient,
  draw: (running: TodoistStatusDto["running"]) => void,
  pollMs: number,
): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  while (!settled) {
    await Promise.race([done.catch(() => undefined), delay(pollMs)]);
    if (settled) break;
    // Progress only: a missed reading is drawn at the next one, and the sync's own answer decides.
    const status = await client.todoist.status.query().catch(() => null);
    if (status && !settled) draw(status.running);
  }
  return done;
}

/** Reads the status every `pollMs` until no run is going, and returns it. */
async function untilIdle(
  client: AgendaCraftClient,
  draw: (running: TodoistStatusDto["running"]) => void,
  pollMs: number,
): Promise<TodoistStatusDto> {
  for (;;) {
    const status = await client.todoist.status.query();
    if (status.running === null) return status;
    draw(status.running);
    await delay(pollMs);
  }
}

function reconnectMessage(status: TodoistStatusDto): string {
  const why = status.lastError ?? "Todoist no longer accepts AgendaCraft's access.";
  return `${why} Reconnect Todoist in AgendaCraft: Settings → Connections → Todoist.`;
}

/** Why the import failed, in the words every command uses for the same failure. */
function failureMessage(active: ActiveToken, error: unknown): string {
  if (domainErrorCode(error) === "todoist.not_connected") return NOT_CONNECTED;
  if (trpcErrorCode(error) === "UNAUTHORIZED") {
    return active.source.kind === "env"
      ? "AGENDACRAFT_TOKEN is not accepted by the server (revoked, expired or mistyped)."
      : "The saved token no longer works (revoked or expired). Run `pnpm ac login` again.";
  }
  const unreachable = describeConnectionError(error);
  if (unreachable) return cannotReachMessage(active.baseUrl, unreachable);
  // Domain refusals (Todoist unavailable, rate limited, needs reconnecting) are written for people.
  return `Todoist sync failed: ${errorMessage(error)}`;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
