import type { FastifyReply } from "fastify";
import { type ErrorKind, errorBody } from "./todoist-errors.ts";

/** A failure the next matching requests answer with instead of being served. */
export type Fault = {
  /** 429 (rate limited) or a 5xx. */
  status: number;
  /** Sent as Retry-After (seconds) and in error_extra.retry_after, as Todoist does for 429. */
  retryAfter?: number;
  /** Which requests: a substring of the path or a regular expression; default every /api/v1 path. */
  path?: string | RegExp;
  method?: string;
  /** How many requests fail; default 1. */
  times?: number;
};

const KIND_BY_STATUS: Record<number, ErrorKind> = { 429: "tooManyRequests", 500: "internal", 503: "unavailable" };

export class Faults {
  readonly #pending: (Fault & { left: number })[] = [];

  add(fault: Fault): void {
    if (fault.status !== 429 && (fault.status < 500 || fault.status > 599)) {
      throw new Error("failNext takes status 429 or a 5xx.");
    }
    this.#pending.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.#pending.length = 0;
  }

  /** Answers the request with the first matching fault; false when none matches. */
  intercept(method: string, path: string, reply: FastifyReply): boolean {
    const fault = this.#pending.find((candidate) => {
      if (candidate.method && candidate.method.toUpperCase() !== method) return false;
      if (candidate.path === undefined) return path.startsWith("/api/v1/");
      return typeof candidate.path === "string" ? path.includes(candidate.path) : candidate.path.test(path);
    });
    if (!fault) return false;
    fault.left -= 1;
    if (fault.left <= 0) this.#pending.splice(this.#pending.indexOf(fault), 1);
    const extra: Record<string, unknown> = {};
    if (fault.retryAfter !== undefined) {
      reply.header("retry-after", String(fault.retryAfter));
      extra.retry_after = fault.retryAfter;
    }
    const kind = KIND_BY_STATUS[fault.status] ?? "internal";
    void reply
      .code(fault.status)
      .type("application/json")
      .send({ ...errorBody(kind, extra), http_code: fault.status });
    return true;
  }
}
