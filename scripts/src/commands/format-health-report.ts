import type { RouterOutputs } from "@agendacraft/api";
import { formatDuration } from "@agendacraft/client/format-duration";
import { errorMessage } from "../lib/error-message.ts";

type Health = RouterOutputs["meta"]["health"];
type Readiness = RouterOutputs["meta"]["ready"];
type InstanceInfo = RouterOutputs["meta"]["version"];

export type HealthReportInput = {
  baseUrl: string;
  health: Health;
  /** Readiness and instance info can fail while health answers (e.g. the database is down). */
  readiness: PromiseSettledResult<Readiness>;
  instance: PromiseSettledResult<InstanceInfo>;
};

/** The human-readable summary printed by `ac health`, one string per line. */
export function formatHealthReport({ baseUrl, health, readiness, instance }: HealthReportInput): string[] {
  const lines = [
    `AgendaCraft at ${baseUrl}`,
    row("Version", health.version),
    row("Uptime", formatDuration(health.uptimeSeconds)),
    row(
      "Instance",
      instance.status === "fulfilled"
        ? `${instance.value.instanceId} (installed ${instance.value.installedAt})`
        : `unavailable (${errorMessage(instance.reason)})`,
    ),
  ];

  if (readiness.status === "rejected") {
    lines.push(row("Ready", `unknown (${errorMessage(readiness.reason)})`));
    return lines;
  }

  lines.push(row("Ready", readiness.value.ready ? "yes" : "no"), "  Checks");
  const nameWidth = Math.max(0, ...readiness.value.checks.map((check) => check.name.length));
  for (const check of readiness.value.checks) {
    const status = (check.ok ? "ok" : "FAILED").padEnd(6);
    const detail = check.detail ? `  ${check.detail}` : "";
    lines.push(`    ${status}  ${check.name.padEnd(nameWidth)}  ${check.latencyMs} ms${detail}`);
  }
  return lines;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(10)} ${value}`;
}
