import { NOT_SENDABLE, type Outcome } from "./send-request.ts";

/**
 * tRPC's error shape, wherever it appears: a plain answer, one call of a batch (207), a
 * line of a streamed batch or a server-sent event (both 200).
 */
const TRPC_ERROR =
  /"message":"((?:[^"\\]|\\.)*)","code":-?\d+,"data":\{"code":"[A-Z_]+","httpStatus":(\d{3})(?:,"path":"([^"]*)")?/g;

export type Problem = { status: string; error: string; procedure: string | null };

/** What went wrong with one request, or null when the server answered it below 500 (also inside batches and streams). */
export function problemOf(outcome: Outcome): Problem | null {
  if (outcome.kind === "timeout") return { status: "timeout", error: "no answer in time", procedure: null };
  // The server closed the connection without an answer (a request node:http would not send is not its fault).
  if (outcome.kind === "error") {
    return outcome.message.startsWith(NOT_SENDABLE)
      ? null
      : { status: "no answer", error: outcome.message, procedure: null };
  }
  const inside = [...outcome.text.matchAll(TRPC_ERROR)].find((match) => Number(match[2]) >= 500);
  if (inside) {
    const status = outcome.status >= 500 ? String(outcome.status) : `${outcome.status} with ${inside[2]} inside`;
    return { status, error: normalize(inside[1] ?? ""), procedure: inside[3] ?? null };
  }
  if (outcome.status < 500) return null;
  return { status: String(outcome.status), error: normalize(outcome.text.slice(0, 300)), procedure: null };
}

/** Ids and numbers vary from one request to the next; the same failure should count once. */
function normalize(message: string): string {
  return message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
    .replace(/\d+/g, "<n>")
    .slice(0, 300);
}
