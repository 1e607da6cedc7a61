import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../trpc.ts";
import type { TodoistStatus } from "./todoist-types.ts";

/** How often the status is read while a run is going: often enough for a progress bar to move. */
export const TODOIST_POLL_MS = 1_000;

/**
 * After connecting (here, through Todoist's page, or from another tab) the first import is
 * queued, not yet running: from then, or from opening the page, the status is watched this long
 * for it to start (or finish, on a small account). A worker that never picks it up does not
 * leave the page polling for ever.
 */
const AFTER_CONNECT_WATCH_MS = 120_000;

/** Whether the first run after connecting has not shown up in the status yet. */
const awaitingFirstRun = (status: TodoistStatus | undefined) =>
  status !== undefined &&
  status.connected &&
  status.running === null &&
  status.lastSyncedAt === null &&
  status.lastError === null;

/**
 * `todoist.status`, read every second while a run is going (its progress), while "Sync now" waits
 * for its answer, and right after connecting until the first import shows up; otherwise only
 * when something invalidates it. `watch()` starts the after-connect watch.
 */
export function useTodoistStatus({ syncing }: { syncing: boolean }) {
  const trpc = useTRPC();
  const [watchUntil, setWatchUntil] = useState(() => Date.now() + AFTER_CONNECT_WATCH_MS);
  const status = useQuery({
    ...trpc.todoist.status.queryOptions(),
    refetchInterval: (query) => {
      const data = query.state.data;
      const watching = Date.now() < watchUntil && awaitingFirstRun(data);
      return data?.running || syncing || watching ? TODOIST_POLL_MS : false;
    },
  });
  return { status, watch: () => setWatchUntil(Date.now() + AFTER_CONNECT_WATCH_MS) };
}
