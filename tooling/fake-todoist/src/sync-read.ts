import type { AccountState, ResourceKind } from "./account-state.ts";
import { TodoistFailure } from "./todoist-errors.ts";

const KINDS: ResourceKind[] = ["projects", "sections", "labels", "items"];
/** Resource types the fake knows; others Todoist offers (notes, reminders, filters...) answer nothing. */
const KNOWN = new Set<string>([...KINDS, "user", "all"]);

/** Sync tokens are opaque to clients; here: the account and the change number they were issued at. */
export function encodeSyncToken(state: AccountState): string {
  return Buffer.from(`fake-todoist:${state.user.id}:${state.seq}`).toString("base64url");
}

function decodeSyncToken(state: AccountState, token: string): number {
  const [tag, userId, seq] = Buffer.from(token, "base64url").toString().split(":");
  const value = Number(seq);
  if (tag !== "fake-todoist" || userId !== state.user.id || !Number.isInteger(value) || value > state.seq) {
    throw new TodoistFailure("invalidArgument", { argument: "sync_token" });
  }
  return value;
}

/** Which resources: ["all"], a list, and "-name" to leave one out of "all". */
export function readResourceTypes(types: unknown): Set<string> {
  if (types === undefined) return new Set();
  if (!Array.isArray(types) || types.some((type) => typeof type !== "string")) {
    throw new TodoistFailure("invalidArgument", { argument: "resource_types" });
  }
  const wanted = new Set<string>();
  for (const type of types as string[]) {
    if (type === "all") for (const known of KNOWN) wanted.add(known);
    else if (!type.startsWith("-")) wanted.add(type);
  }
  for (const type of types as string[]) if (type.startsWith("-")) wanted.delete(type.slice(1));
  wanted.delete("all");
  return wanted;
}

/**
 * The read half of /api/v1/sync. `sync_token: "*"` is a full sync: every live object (open
 * tasks only, as Todoist). Any other token returns only what changed since it was issued,
 * including completed (`checked: true`) and deleted (`is_deleted: true`) objects, and an empty
 * list when nothing did. Each answer carries a fresh `sync_token`.
 */
export function readSync(state: AccountState, syncToken: string, types: Set<string>): Record<string, unknown> {
  const full = syncToken === "*";
  const since = full ? 0 : decodeSyncToken(state, syncToken);
  const response: Record<string, unknown> = { full_sync: full };
  if (full) response.full_sync_date_utc = state.nowIso();
  for (const kind of KINDS) {
    if (!types.has(kind)) continue;
    const source = kind === "items" ? state.tasks : state[kind];
    const changedAt = state.changedAt[kind];
    const objects = [...source.values()].filter((object) => {
      if (full) {
        if ("is_deleted" in object && object.is_deleted) return false;
        return !("checked" in object && object.checked);
      }
      return (changedAt.get(object.id) ?? 0) > since;
    });
    response[kind] = objects.map((object) => structuredClone(object));
  }
  if (types.has("user")) response.user = structuredClone(state.user);
  response.sync_token = encodeSyncToken(state);
  return response;
}
