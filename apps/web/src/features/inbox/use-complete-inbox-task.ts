import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { formatDue } from "../tasks/format-due.ts";
import { useUndoCompletion } from "../tasks/use-undo-completion.ts";
import { withoutTask } from "./inbox-cache.ts";
import { useInboxQueryKey } from "./use-inbox-tasks.ts";

/** Completes a task at once in the list (optimistic), putting it back if the server refuses; the toast offers Undo. */
export function useCompleteInboxTask() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = useInboxQueryKey();
  const { timeZone } = useMe();
  const offerUndo = useUndoCompletion();

  return useMutation(
    trpc.scheduler.tasks.complete.mutationOptions({
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries({ queryKey });
        const previous = queryClient.getQueryData(queryKey);
        if (previous) queryClient.setQueryData(queryKey, withoutTask(previous, id));
        return { previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
        toast.error(`Could not complete the task. ${describeError(error).message}`);
      },
      onSuccess: (completion) => {
        const { task, next } = completion;
        const nextDate = next ? (next.startTime ?? next.dueAt) : null;
        const nextText = nextDate ? `. Next occurrence: ${formatDue(nextDate, timeZone)}` : "";
        offerUndo(completion, `Completed “${task.summary}”${nextText}`);
      },
      // The next occurrence of a repeating task is a new task; the refetch brings it in.
      onSettled: () => queryClient.invalidateQueries(trpc.scheduler.tasks.list.pathFilter()),
    }),
  );
}
