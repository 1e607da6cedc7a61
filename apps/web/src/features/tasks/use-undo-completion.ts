import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { showUndoToast } from "../../ui/undo-toast.tsx";
import type { Task } from "./task-types.ts";

type Completion = { task: Pick<Task, "id" | "summary">; next: Pick<Task, "id"> | null };

/**
 * "Completed X - Undo". Undo reopens the task; for a repeating task it also removes the next
 * occurrence the completion just created, or the person would end up with two of it.
 */
export function useUndoCompletion() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reopen = useMutation(trpc.scheduler.tasks.reopen.mutationOptions());
  const remove = useMutation(trpc.scheduler.tasks.delete.mutationOptions());

  async function undo({ task, next }: Completion) {
    try {
      if (next) await remove.mutateAsync({ id: next.id });
      await reopen.mutateAsync({ id: task.id });
      toast.success(`Reopened “${task.summary}”`);
    } catch (error) {
      toast.error(`Could not undo. ${describeError(error).message}`);
    } finally {
      await queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter());
    }
  }

  return (completion: Completion, message: string) => showUndoToast({ message, onUndo: () => void undo(completion) });
}
