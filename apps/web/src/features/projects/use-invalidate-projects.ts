import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";

/**
 * Everything that shows projects, areas or their counts, read again after a change: a
 * project's move or delete changes its area's counts too.
 */
export function useInvalidateProjects() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.scheduler.projects.pathFilter()),
      queryClient.invalidateQueries(trpc.scheduler.areas.pathFilter()),
    ]);
}
