import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../../trpc.ts";

/**
 * The person's first-run progress, fresh after every change they make: any successful
 * mutation (a task added, a planner created, a plan applied, from whatever form) asks again,
 * so no form has to know the checklist exists. Stops listening once `enabled` is false.
 */
export function useOnboardingProgress({ enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const progress = useQuery({ ...trpc.scheduler.onboarding.progress.queryOptions(), enabled, staleTime: 0 });
  useEffect(() => {
    if (!enabled) return;
    const filter = trpc.scheduler.onboarding.progress.queryFilter();
    return queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "success") void queryClient.invalidateQueries(filter);
    });
  }, [enabled, queryClient, trpc]);
  return progress;
}
