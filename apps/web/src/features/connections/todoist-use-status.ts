import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../trpc.ts";
import { AFTER_CONNECT_WATCH_MS, todoistPollInterval } from "./todoist-poll.ts";

/**
 * `todoist.status`, polled as todoistPollInterval says; `watch()` (after connecting) starts
 * watching again for the first import, as opening the page does.
 */
export function useTodoistStatus({ syncing }: { syncing: boolean }) {
  const trpc = useTRPC();
  const [watchUntil, setWatchUntil] = useState(() => Date.now() + AFTER_CONNECT_WATCH_MS);
  const status = useQuery({
    ...trpc.todoist.status.queryOptions(),
    refetchInterval: (query) => todoistPollInterval(query.state.data, { syncing, watchUntil, now: Date.now() }),
  });
  return { status, watch: () => setWatchUntil(Date.now() + AFTER_CONNECT_WATCH_MS) };
}
