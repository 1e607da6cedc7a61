import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";

/**
 * Everything under `calendars.*` read again (connections, feeds, busy time) and the week's
 * tasks, which a sync or a disconnect can move or unmark.
 */
export function useRefreshCalendars() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.calendars.pathFilter()),
      queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter()),
    ]);
}
