import { describeRequest, shorten } from "./describe-request.ts";
import { formatStatusCounts } from "./format-status-counts.ts";
import type { HttpRequest } from "./materialize-request.ts";
import { problemOf } from "./problem-of.ts";
import type { Outcome } from "./send-request.ts";

function statusLabel(outcome: Outcome): string {
  if (outcome.kind === "response") return String(outcome.status);
  return outcome.kind === "timeout" ? "timeout" : "connection error";
}

type Failure = { label: string; status: string; error: string; count: number; example: string };

/** Counts by status, plus every 5xx and timeout, deduplicated by procedure, status and error. */
export class FuzzReport {
  private readonly counts = new Map<string, number>();
  private readonly failures = new Map<string, Failure>();
  private readonly connectionErrors = new Map<string, number>();
  private readonly slowest: { ms: number; label: string }[] = [];
  private readonly succeeded = new Set<string>();
  requests = 0;

  record(request: HttpRequest, outcome: Outcome, ms: number): void {
    this.requests += 1;
    this.slowest.push({ ms, label: request.label });
    this.slowest.sort((a, b) => b.ms - a.ms);
    this.slowest.length = Math.min(this.slowest.length, 5);
    const status = statusLabel(outcome);
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
    if (outcome.kind === "response" && outcome.status === 200) this.succeeded.add(request.label);
    if (outcome.kind === "error") {
      this.connectionErrors.set(outcome.message, (this.connectionErrors.get(outcome.message) ?? 0) + 1);
    }
    const problem = problemOf(outcome);
    if (!problem) return;
    // A failing call inside a batch counts under its own procedure.
    const label = problem.procedure ?? request.label;
    const key = `${label}\n${problem.status}\n${problem.error}`;
    const known = this.failures.get(key);
    if (known) known.count += 1;
    else
      this.failures.set(key, {
        label,
        status: problem.status,
        error: problem.error,
        count: 1,
        example: describeRequest(request, problem.procedure),
      });
  }

  count(status: string): number {
    return this.counts.get(status) ?? 0;
  }

  failureCount(): number {
    return [...this.failures.values()].reduce((sum, failure) => sum + failure.count, 0);
  }

  /** `fuzz: 10240 requests: 200 x 4100, 400 x 5900, ...` */
  summary(): string {
    const counts = formatStatusCounts(this.counts);
    const errors = [...this.connectionErrors.entries()].map(([message, count]) => `${message} x ${count}`).join("; ");
    return `fuzz: ${this.requests} requests: ${counts}${errors ? ` (connection errors: ${errors})` : ""}`;
  }

  /** Which of `labels` never got a 200 (procedures the generated inputs never got through). */
  neverSucceeded(labels: string[]): string[] {
    return labels.filter((label) => !this.succeeded.has(label));
  }

  /** The slowest requests, for the log: `plan.preview 840 ms, ...`. */
  slowestRequests(): string {
    return this.slowest.map(({ ms, label }) => `${shorten(label, 80)} ${Math.round(ms)} ms`).join(", ");
  }

  failureReport(): string {
    const failures = [...this.failures.values()].sort((a, b) => a.label.localeCompare(b.label));
    return failures
      .map(
        (failure) =>
          `  ${failure.status} x ${failure.count} ${failure.label}: ${failure.error}\n      ${failure.example}`,
      )
      .join("\n");
  }
}

/** The server's error log lines, deduplicated (the cause behind a 500, e.g. a database error code). */
export function describeLoggedErrors(lines: Record<string, unknown>[]): string {
  const seen = new Map<string, number>();
  for (const line of lines) {
    if (typeof line.level !== "number" || line.level < 50) continue;
    const err = line.err as { type?: string; code?: string; message?: string } | undefined;
    // Prisma puts the database's own words (and SQLSTATE) at the end of a long message.
    const message = (err?.message ?? "").replace(/\s+/g, " ").slice(-240);
    const cause = err ? `${err.type ?? "Error"}${err.code ? ` ${err.code}` : ""}: ${message}` : "";
    const key = `${String(line.path ?? "")} ${String(line.msg)} ${cause}`.trim();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.entries()].map(([key, count]) => `  ${count} x ${key}`).join("\n");
}
