import { createAgendaCraftClient } from "@agendacraft/client";
import { cannotReachMessage } from "../lib/cannot-reach-message.ts";
import { describeConnectionError } from "../lib/describe-connection-error.ts";
import { errorMessage } from "../lib/error-message.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { fetchWithTimeout } from "../lib/fetch-with-timeout.ts";
import { formatHealthReport } from "./format-health-report.ts";

const DEFAULT_TIMEOUT_MS = 10_000;

export type HealthCommandOptions = {
  /** The server's base URL without a trailing slash, e.g. `http://localhost:3000`. */
  baseUrl: string;
  print: (line: string) => void;
  /** Where failures go; defaults to `print`. The CLI passes stderr so redirected output stays clean. */
  printError?: (line: string) => void;
  timeoutMs?: number;
};

/** `ac health`: 0 when the server is ready, 2 when it answers but is not ready, 1 when it cannot be reached. */
export async function healthCommand({
  baseUrl,
  print,
  printError = print,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: HealthCommandOptions): Promise<ExitCode> {
  const client = createAgendaCraftClient({ url: `${baseUrl}/trpc`, fetch: fetchWithTimeout(timeoutMs) });

  // One batched request; each call settles on its own so a failing database still leaves health readable.
  const [health, readiness, instance] = await Promise.allSettled([
    client.meta.health.query(),
    client.meta.ready.query(),
    client.meta.version.query(),
  ]);

  if (health.status === "rejected") {
    const reason = describeConnectionError(health.reason);
    printError(
      reason
        ? cannotReachMessage(baseUrl, reason)
        : `AgendaCraft at ${baseUrl} answered, but meta.health failed: ${errorMessage(health.reason)}`,
    );
    return ExitCode.failure;
  }

  for (const line of formatHealthReport({ baseUrl, health: health.value, readiness, instance })) print(line);
  return readiness.status === "fulfilled" && readiness.value.ready ? ExitCode.ok : ExitCode.notReady;
}
