import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import {
  hiddenTaskIds,
  holdPendingDelete,
  releasePendingDelete,
  sendPendingDelete,
  subscribePendingDeletes,
  undoPendingDelete,
} from "./pending-task-deletes.ts";
import type { Task } from "./task-types.ts";

/** How long Undo is offered. */
export const UNDO_DELETE_MS = 6_000;

/**
 * Delete with a real Undo. The API has no restore, and re-creating a task would give it a
 * new id, lose its completion history and its place in a series; so nothing is sent while
 * Undo is on offer. The task is only hidden, and `scheduler.tasks.delete` is called when
 * the toast closes without Undo: timed out (onAutoClose), closed by the person
 * (onDismiss), or the page is left (see pending-task-deletes.ts).
 */
export function useDeferredTaskDelete() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hiddenIds = useSyncExternalStore(subscribePendingDeletes, hiddenTaskIds);

  // Callbacks given here (not to mutate()) still run after the page unmounts, which
  // matters because the toast, and so the real delete, usually outlives the page.
  const remove = useMutation(
    trpc.scheduler.tasks.delete.mutationOptions({
      onError: (error) => {
        const described = describeError(error);
        // Already gone (deleted in another tab): what the person wanted has happened.
        if (described.code === "scheduler.task_not_found") return;
        toast.error(`Could not delete the task. ${described.message}`);
      },
      onSettled: async (_data, _error, { id }) => {
        // Keep the task hidden until the lists (Today and Upcoming included) no longer hold it, so it does not flash back.
        await queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter());
        releasePendingDelete(id);
      },
    }),
  );

  function deleteWithUndo(task: Pick<Task, "id" | "summary">) {
    holdPendingDelete(task.id, () => remove.mutate({ id: task.id }));
    toast(`Deleted “${task.summary}”`, {
      duration: UNDO_DELETE_MS,
      action: { label: "Undo", onClick: () => undoPendingDelete(task.id) },
      onAutoClose: () => sendPendingDelete(task.id),
      onDismiss: () => sendPendingDelete(task.id),
    });
  }

  return { hiddenIds, deleteWithUndo };
}
