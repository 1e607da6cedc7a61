import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";

/** The Todoist status read again, and every task and project list, which an import or a disconnect changes. */
export function useRefreshTodoist() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.todoist.pathFilter()),
      queryClient.invalidateQueries(trpc.scheduler.pathFilter()),
    ]);
}
