import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { useUndoPlan } from "../week/use-plan-actions.ts";

/**
 * Re-plans overdue tasks (all, or the ones named) with `scheduler.plan.replanOverdue`: one
 * plan run, so the toast that confirms it offers Undo; a task that found no time is named
 * with the plan's own reason.
 */
export function useReplanOverdue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const undo = useUndoPlan();
  return useMutation(
    trpc.scheduler.plan.replanOverdue.mutationOptions({
      onSuccess: ({ run, unplaced }) => {
        const placed = run.placedCount;
        if (placed > 0) {
          toast.success(`Re-planned ${placed === 1 ? "1 task" : `${placed} tasks`}`, {
            action: { label: "Undo", onClick: () => undo.mutate({ runId: run.id }) },
          });
        }
        for (const task of unplaced) toast.warning(`“${task.summary}” was not planned: ${task.explanation}`);
      },
      onError: (error) => {
        const described = describeError(error);
        if (described.code === "scheduler.nothing_overdue") toast.info(described.message);
        else toast.error(`Could not re-plan. ${described.message}`);
      },
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter()),
          queryClient.invalidateQueries(trpc.scheduler.plan.pathFilter()),
        ]),
    }),
  );
}
