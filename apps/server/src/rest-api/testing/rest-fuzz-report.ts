import { formatStatusCounts } from "../../fuzz/format-status-counts.ts";
import type { RestResponse } from "../../testing/rest.ts";
import type { DocumentedOperation } from "./documented-operations.ts";
import type { SentRequest } from "./send-planned-request.ts";

type Failure = { operationId: string; status: string; problem: string; count: number; example: string };

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** Counts by status, and every 5xx, hang or broken promise of the document, once per operation and problem. */
export class RestFuzzReport {
  private readonly counts = new Map<string, number>();
  private readonly failures = new Map<string, Failure>();
  private readonly operations = new Set<string>();
  requests = 0;

  record(
    operation: DocumentedOperation,
    variant: string,
    request: SentRequest,
    outcome: RestResponse | Error,
    problems: string[],
  ): void {
    this.requests += 1;
    this.operations.add(operation.operationId);
    const status = outcome instanceof Error ? `no answer (${outcome.name})` : String(outcome.status);
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
    const found = [
      ...(outcome instanceof Error ? [outcome.message] : []),
      ...(!(outcome instanceof Error) && outcome.status >= 500 ? ["a 5xx answer"] : []),
      ...problems,
    ];
    for (const problem of found) {
      const key = `${operation.operationId}\n${status}\n${problem}`;
      const known = this.failures.get(key);
      if (known) {
        known.count += 1;
        continue;
      }
      const answer = outcome instanceof Error ? "" : ` -> ${shorten(JSON.stringify(outcome.body) ?? "", 300)}`;
      const sent = `${request.method} ${shorten(request.url, 200)} ${shorten(request.body ?? "", 300)}`;
      this.failures.set(key, {
        operationId: operation.operationId,
        status,
        problem,
        count: 1,
        example: `[${variant}] ${sent}${answer}`,
      });
    }
  }

  count(status: string): number {
    return this.counts.get(status) ?? 0;
  }

  failureCount(): number {
    return [...this.failures.values()].reduce((sum, failure) => sum + failure.count, 0);
  }

  /** `rest fuzz: 312 requests over 8 operations: 200 x 90, 201 x 40, 400 x 150, ...` */
  summary(): string {
    const counts = formatStatusCounts(this.counts);
    return `rest fuzz: ${this.requests} requests over ${this.operations.size} operations: ${counts}`;
  }

  failureReport(): string {
    return [...this.failures.values()]
      .sort((a, b) => a.operationId.localeCompare(b.operationId))
      .map(
        (failure) =>
          `  ${failure.status} x ${failure.count} ${failure.operationId}: ${failure.problem}\n      ${failure.example}`,
      )
      .join("\n");
  }
}
