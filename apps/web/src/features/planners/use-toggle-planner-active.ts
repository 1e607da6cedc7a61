import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { mapPlanner, PLANNERS_PAGE_INPUT } from "./planner-pages.ts";

/** Pauses or resumes a planner at once on screen; put back with a toast if the server refuses. */
export function useTogglePlannerActive() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.scheduler.planners.list.infiniteQueryKey(PLANNERS_PAGE_INPUT);
  return useMutation(
    trpc.scheduler.planners.update.mutationOptions({
      onMutate: async ({ id, active }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const snapshot = queryClient.getQueryData(listKey);
        if (active !== undefined) {
          queryClient.setQueryData(listKey, (pages) => mapPlanner(pages, id, (planner) => ({ ...planner, active })));
        }
        return { snapshot };
      },
      onError: (error, _input, context) => {
        if (context) queryClient.setQueryData(listKey, context.snapshot);
        toast.error(describeError(error).message);
      },
      onSettled: () => queryClient.invalidateQueries(trpc.scheduler.planners.pathFilter()),
    }),
  );
}
