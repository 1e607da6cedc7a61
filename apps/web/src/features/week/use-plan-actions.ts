import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { plannedMessage, undoMessages } from "./plan-format.ts";

/** After a plan is written or undone, everything that shows task times is out of date. */
function useInvalidatePlanned() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      // The agenda, every list, Today and Upcoming.
      queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter()),
      queryClient.invalidateQueries(trpc.scheduler.plan.pathFilter()),
    ]);
}

/** The most recent plan run, if it placed something and is not undone yet: what "Undo last plan" undoes. */
export function useUndoablePlanRun() {
  const trpc = useTRPC();
  const runs = useQuery(trpc.scheduler.plan.runs.queryOptions({ limit: 1 }));
  const latest = runs.data?.[0];
  return latest && latest.undoneAt === null && latest.placedCount > 0 ? latest : null;
}

/** Undoes a plan run and says what it put back and what it left alone (tasks edited since). */
export function useUndoPlan() {
  const trpc = useTRPC();
  const invalidate = useInvalidatePlanned();
  return useMutation(
    trpc.scheduler.plan.undo.mutationOptions({
      onSuccess: (result) => {
        const { done, skipped } = undoMessages(result);
        toast.success(done);
        if (skipped) toast.warning(skipped, { duration: 10_000 });
      },
      onError: (error) => toast.error(`Could not undo the plan. ${describeError(error).message}`),
      onSettled: invalidate,
    }),
  );
}

/**
 * Writes a plan. The toast that confirms it offers Undo right there, for the moment the
 * person sees the result and changes their mind.
 */
export function useCommitPlan({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidatePlanned();
  const undo = useUndoPlan();
  return useMutation(
    trpc.scheduler.plan.commit.mutationOptions({
      onSuccess: ({ run }) => {
        onDone();
        const message = plannedMessage(run.placedCount);
        if (run.placedCount === 0) toast.info(message);
        else toast.success(message, { action: { label: "Undo", onClick: () => undo.mutate({ runId: run.id }) } });
      },
      onSettled: invalidate,
    }),
  );
}
