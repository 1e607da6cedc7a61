import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { withTaskMoved } from "./inbox-cache.ts";
import { useInboxQueryKey } from "./use-inbox-tasks.ts";

/**
 * Reorders the inbox at once (optimistic) and on the server, restoring the order if refused.
 * Called with `beforeId` when a task was dropped on one above it, `afterId` when below:
 * either way it takes the place of the task it was dropped on.
 */
export function useMoveInboxTask() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = useInboxQueryKey();

  return useMutation(
    trpc.scheduler.tasks.move.mutationOptions({
      onMutate: async ({ id, beforeId, afterId }) => {
        await queryClient.cancelQueries({ queryKey });
        const previous = queryClient.getQueryData(queryKey);
        const targetId = beforeId ?? afterId;
        if (previous && targetId) queryClient.setQueryData(queryKey, withTaskMoved(previous, id, targetId));
        return { previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
        toast.error(`Could not move the task. ${describeError(error).message}`);
      },
      onSettled: () => queryClient.invalidateQueries(trpc.scheduler.tasks.list.pathFilter()),
    }),
  );
}
