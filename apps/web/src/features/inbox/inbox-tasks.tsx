import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useMe } from "../../auth/require-session.tsx";
import { buttonClass } from "../../ui/button.ts";
import { EmptyState, LoadError, Loading } from "../../ui/states.tsx";
import { nestSubtasks } from "../tasks/nest-subtasks.ts";
import type { Task } from "../tasks/task-types.ts";
import { useDeferredTaskDelete } from "../tasks/use-deferred-task-delete.ts";
import { inboxTasks, withTaskReplaced } from "./inbox-cache.ts";
import { SortableTaskList, type TaskDrop } from "./sortable-task-list.tsx";
import { SortableTaskRow } from "./sortable-task-row.tsx";
import { useCompleteInboxTask } from "./use-complete-inbox-task.ts";
import { useInboxQueryKey, useInboxTasks } from "./use-inbox-tasks.ts";
import { useMoveInboxTask } from "./use-move-inbox-task.ts";

/** The inbox list with its loading, empty and failed states, and everything a row can do. */
export function InboxTasks() {
  const { timeZone } = useMe();
  const queryClient = useQueryClient();
  const queryKey = useInboxQueryKey();
  const inbox = useInboxTasks();
  const complete = useCompleteInboxTask();
  const move = useMoveInboxTask();
  const { hiddenIds, deleteWithUndo } = useDeferredTaskDelete();
  const [editingId, setEditingId] = useState<string | null>(null);
  const focus = useFocusAfterRemoval();

  // In the order shown: sub-tasks right after their parent, which is also the order drags are read in.
  const listed = nestSubtasks(inboxTasks(inbox.data).filter((task) => !hiddenIds.has(task.id)));
  const tasks = listed.map(({ task }) => task);

  if (inbox.isPending) return <Loading label="Loading your inbox…" />;
  // A failed refetch keeps the tasks already shown; only a first load that failed has nothing to show.
  if (inbox.isError && !inbox.data) return <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />;

  function removeRow(task: Task, action: () => void) {
    focus.prepare(tasks, task.id);
    action();
  }

  function drop({ id, targetId, direction }: TaskDrop) {
    move.mutate(direction === "down" ? { id, afterId: targetId } : { id, beforeId: targetId });
  }

  // Shown at once; the form's own refresh follows (and drops a task moved to a project).
  function showSaved(task: Task) {
    const current = queryClient.getQueryData(queryKey);
    if (current) queryClient.setQueryData(queryKey, withTaskReplaced(current, task));
  }

  return (
    <div ref={focus.fallbackRef} tabIndex={-1} className="flex flex-col gap-3 outline-none">
      {tasks.length === 0 && !inbox.hasNextPage ? (
        <EmptyState title="Your inbox is empty">
          Add a task above. Tasks without a project or a start time wait here until you plan them; planned ones are in{" "}
          <Link className="text-indigo-700 underline" to="/today">
            Today
          </Link>{" "}
          and{" "}
          <Link className="text-indigo-700 underline" to="/upcoming">
            Upcoming
          </Link>
          .
        </EmptyState>
      ) : (
        <SortableTaskList tasks={tasks} label="Inbox tasks" onDrop={drop}>
          {listed.map(({ task, parent }) => (
            <SortableTaskRow
              key={task.id}
              task={task}
              parent={parent}
              timeZone={timeZone}
              editing={editingId === task.id}
              onEdit={() => setEditingId(task.id)}
              onEditEnd={(saved) => {
                if (saved) showSaved(saved);
                setEditingId((id) => (id === task.id ? null : id));
              }}
              onComplete={() => removeRow(task, () => complete.mutate({ id: task.id }))}
              onDelete={() => removeRow(task, () => deleteWithUndo(task))}
            />
          ))}
        </SortableTaskList>
      )}
      {inbox.hasNextPage ? (
        <button
          type="button"
          className={`${buttonClass.secondary} self-center`}
          disabled={inbox.isFetchingNextPage}
          onClick={() => void inbox.fetchNextPage()}
        >
          {inbox.isFetchingNextPage ? "Loading more…" : "Load more"}
        </button>
      ) : null}
    </div>
  );
}

/**
 * A row that disappears takes the keyboard focus with it; this puts focus on the next row's
 * checkbox (or the previous one, or the list itself) so keyboard users can carry on.
 */
function useFocusAfterRemoval() {
  const fallbackRef = useRef<HTMLDivElement>(null);
  const [target, setTarget] = useState<{ id: string | null } | null>(null);

  useEffect(() => {
    if (!target) return;
    const container = fallbackRef.current;
    const row = target.id ? container?.querySelector(`[data-task-id="${target.id}"] input[type="checkbox"]`) : null;
    if (row instanceof HTMLElement) row.focus();
    else container?.focus();
    setTarget(null);
  }, [target]);

  function prepare(tasks: Task[], removedId: string) {
    const index = tasks.findIndex((task) => task.id === removedId);
    const neighbour = tasks[index + 1] ?? tasks[index - 1];
    setTarget({ id: neighbour?.id ?? null });
  }

  return { fallbackRef, prepare };
}
