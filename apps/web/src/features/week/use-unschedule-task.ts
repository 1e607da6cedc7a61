import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { showUndoToast } from "../../ui/undo-toast.tsx";
import type { Task } from "../tasks/task-types.ts";

/**
 * Takes a task off the calendar: no start or end, so it is unplanned again and the next plan
 * places it. Undo puts the old time back (refused, with the reason, if that time has passed).
 */
export function useUnscheduleTask() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.scheduler.tasks.update.mutationOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter());

  async function unschedule(task: Pick<Task, "id" | "summary" | "startTime" | "endTime">): Promise<boolean> {
    try {
      await update.mutateAsync({ id: task.id, startTime: null, endTime: null });
    } catch (error) {
      toast.error(`Could not unschedule the task. ${describeError(error).message}`);
      return false;
    } finally {
      await refresh();
    }
    const { startTime, endTime } = task;
    showUndoToast({
      message: `Unscheduled “${task.summary}”`,
      onUndo: () =>
        void update
          .mutateAsync({ id: task.id, startTime, endTime })
          .catch((error: unknown) => toast.error(`Could not put the task back. ${describeError(error).message}`))
          .finally(() => void refresh()),
    });
    return true;
  }

  return { unschedule, isPending: update.isPending };
}
