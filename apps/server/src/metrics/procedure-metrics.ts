import type { ProcedureCall, ProcedureMetrics } from "@agendacraft/api/observability";
import { Counter, Histogram, type Registry } from "prom-client";

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const PLAN_ACTIONS: Record<string, string> = {
  "scheduler.plan.preview": "preview",
  "scheduler.plan.commit": "commit",
  "scheduler.plan.undo": "undo",
};
const SERVER_FAULTS = new Set([
  "INTERNAL_SERVER_ERROR",
  "NOT_IMPLEMENTED",
  "BAD_GATEWAY",
  "SERVICE_UNAVAILABLE",
  "GATEWAY_TIMEOUT",
]);

/**
 * Time and errors per tRPC procedure, and plan runs. Every label comes from the router's
 * own names (procedure paths, tRPC codes, domain error codes), never from the request, so
 * the number of series stays fixed whatever callers send.
 */
export function createProcedureMetrics(registry: Registry): ProcedureMetrics {
  const duration = new Histogram({
    name: "agendacraft_procedure_duration_seconds",
    help: "Time to answer one tRPC procedure call (each call of a batch counts alone), by procedure path.",
    labelNames: ["procedure", "type"],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: "agendacraft_procedure_errors_total",
    help: "tRPC procedure calls that failed, by procedure, tRPC code and domain error code (empty when none).",
    labelNames: ["procedure", "code", "domain_code"],
    registers: [registry],
  });
  const planRuns = new Counter({
    name: "agendacraft_plan_runs_total",
    help: "Auto-scheduling runs asked for through the API: action preview, commit or undo; outcome ok, refused (the caller's mistake or a rule) or failed (ours).",
    labelNames: ["action", "outcome"],
    registers: [registry],
  });

  return {
    observeProcedure(call: ProcedureCall) {
      duration.observe({ procedure: call.path, type: call.type }, call.durationMs / 1000);
      if (call.code !== "OK") {
        errors.inc({ procedure: call.path, code: call.code, domain_code: call.domainCode ?? "" });
      }
      const action = PLAN_ACTIONS[call.path];
      if (action) planRuns.inc({ action, outcome: outcome(call.code) });
    },
  };
}

function outcome(code: ProcedureCall["code"]): "ok" | "refused" | "failed" {
  if (code === "OK") return "ok";
  return SERVER_FAULTS.has(code) ? "failed" : "refused";
}
