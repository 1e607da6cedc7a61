import type { Connection, ConnectionStatus } from "./connection-types.ts";

/** A connection's state in words; colour only repeats it. */
export const STATUS_WORDS: Record<ConnectionStatus, string> = {
  ok: "Connected",
  syncing: "Syncing…",
  needs_reconnect: "Needs reconnecting",
  error: "Last sync failed",
};

/** Why a connection needs the person, in words, when the server gave no reason of its own. */
const STATUS_EXPLANATIONS: Partial<Record<ConnectionStatus, string>> = {
  needs_reconnect:
    "Google no longer accepts AgendaCraft's access (it was revoked or expired). Reconnect to resume syncing; nothing syncs until then.",
  error: "The last sync did not finish. AgendaCraft tries again by itself; Reconnect if it keeps failing.",
};

/** The sentence under a connection's name that says what is wrong; null when nothing is. */
export function connectionProblem(connection: Pick<Connection, "status" | "lastError">): string | null {
  if (connection.status === "ok" || connection.status === "syncing") return connection.lastError;
  return connection.lastError ?? STATUS_EXPLANATIONS[connection.status] ?? null;
}

/** Reconnecting goes through Google's consent again: the way out of a revoked or failing connection. */
export function canReconnect(connection: Pick<Connection, "kind" | "status">): boolean {
  return connection.kind === "google" && (connection.status === "needs_reconnect" || connection.status === "error");
}

/** "1 change", "3 changes": what a sync did, in words. */
export function changesWords(count: number): string {
  return `${count} ${count === 1 ? "change" : "changes"}`;
}
