import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { formatDue } from "./format-due.ts";

/**
 * Completes or reopens a task from any list but the inbox (which edits its own cache):
 * says what happened, then refreshes every task list, Today, Upcoming and project counts.
 */
export function useCompleteTask() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useMe();
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter());
    await queryClient.invalidateQueries(trpc.scheduler.projects.pathFilter());
  };

  const complete = useMutation(
    trpc.scheduler.tasks.complete.mutationOptions({
      onError: (error) => toast.error(`Could not complete the task. ${describeError(error).message}`),
      onSuccess: ({ task, next }) => {
        const nextDate = next ? (next.startTime ?? next.dueAt) : null;
        if (nextDate) toast.success(`Next occurrence: ${formatDue(nextDate, timeZone)}`);
        else toast.success(`Completed “${task.summary}”`);
      },
      onSettled: refresh,
    }),
  );
  const reopen = useMutation(
    trpc.scheduler.tasks.reopen.mutationOptions({
      onError: (error) => toast.error(`Could not reopen the task. ${describeError(error).message}`),
      onSettled: refresh,
    }),
  );
  return { complete, reopen };
}
