import http from "node:http";
import type { HttpRequest } from "./materialize-request.ts";

export type Outcome =
  | { kind: "response"; status: number; contentType: string; text: string }
  /** No complete answer within the time limit. */
  | { kind: "timeout" }
  /** The connection failed or was cut before a complete answer. */
  | { kind: "error"; message: string };

export const NOT_SENDABLE = "not sendable";

/** Keep this much of a body: enough to find every error in a batch, not a 5 MB answer. */
const MAX_KEPT_BYTES = 2 * 1024 * 1024;

/**
 * Sends one request over real HTTP with node:http rather than fetch, which refuses some of
 * what a fuzzer sends (a body on GET, methods such as PROPFIND). Resolves when the whole
 * answer is read, or with "timeout" after `timeoutMs`.
 */
export function sendRequest(
  baseUrl: URL,
  request: HttpRequest,
  { agent, timeoutMs }: { agent: http.Agent; timeoutMs: number },
): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== null) headers["content-length"] = String(Buffer.byteLength(request.body));
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request({
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: request.method,
        path: request.path,
        headers,
        agent,
      });
    } catch (error) {
      // node:http refuses to send it at all (e.g. a character not allowed in a header).
      resolve({ kind: "error", message: `${NOT_SENDABLE}: ${(error as Error).message}` });
      return;
    }
    const timer = setTimeout(() => {
      outgoing.destroy();
      finish({ kind: "timeout" });
    }, timeoutMs);
    outgoing.on("error", (error) => finish({ kind: "error", message: error.message }));
    outgoing.on("response", (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on("data", (chunk: Buffer) => {
        if (kept < MAX_KEPT_BYTES) chunks.push(chunk);
        kept += chunk.length;
      });
      response.on("error", (error) => finish({ kind: "error", message: error.message }));
      response.on("end", () =>
        finish({
          kind: "response",
          status: response.statusCode ?? 0,
          contentType: String(response.headers["content-type"] ?? ""),
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    outgoing.end(request.body ?? undefined);
  });
}
