import { useState } from "react";
import type { TaskRowProps } from "./task-row.tsx";
import type { Task } from "./task-types.ts";
import { useCompleteTask } from "./use-complete-task.ts";
import { useDeferredTaskDelete } from "./use-deferred-task-delete.ts";

type RowActions = Pick<TaskRowProps, "editing" | "onEdit" | "onEditEnd" | "onComplete" | "onReopen" | "onDelete">;

/**
 * What a row can do in a list that is not the inbox (project page, Today, Upcoming): one row
 * edited at a time; a completed or deleted task leaves the list at once (a completion the
 * server refuses brings it back), deletes keep their Undo.
 */
export function useTaskListActions() {
  const { complete, reopen } = useCompleteTask();
  const { hiddenIds, deleteWithUndo } = useDeferredTaskDelete();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [completedIds, setCompletedIds] = useState<ReadonlySet<string>>(new Set());

  const forget = (id: string) =>
    setCompletedIds((ids) => {
      const next = new Set(ids);
      next.delete(id);
      return next;
    });

  function visible(tasks: readonly Task[]): Task[] {
    return tasks.filter((task) => !hiddenIds.has(task.id) && !completedIds.has(task.id));
  }

  function rowActions(task: Task): RowActions {
    return {
      editing: editingId === task.id,
      onEdit: () => setEditingId(task.id),
      onEditEnd: () => setEditingId((id) => (id === task.id ? null : id)),
      onComplete: () => {
        setCompletedIds((ids) => new Set(ids).add(task.id));
        // Hidden until the refetch (awaited by the hook's onSettled) has the server's word on it.
        complete.mutate({ id: task.id }, { onSettled: () => forget(task.id) });
      },
      onReopen: () => reopen.mutate({ id: task.id }),
      onDelete: () => deleteWithUndo(task),
    };
  }

  return { visible, rowActions };
}
