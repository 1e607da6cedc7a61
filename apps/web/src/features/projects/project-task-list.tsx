import { useInfiniteQuery } from "@tanstack/react-query";
import { useMe } from "../../auth/require-session.tsx";
import { useTRPC } from "../../trpc.ts";
import { LoadMoreButton } from "../../ui/load-more-button.tsx";
import { EmptyState, LoadError, Loading } from "../../ui/states.tsx";
import { nestSubtasks } from "../tasks/nest-subtasks.ts";
import { TaskRow } from "../tasks/task-row.tsx";
import { useTaskListActions } from "../tasks/use-task-list-actions.ts";
import { filtersToListInput, hasFilters, type TaskFilters } from "./task-filters.ts";

const PAGE_SIZE = 50;

/** The project's tasks matching the filters, a page at a time (keyset cursors from the server), each completable, editable and deletable. */
export function ProjectTaskList({ projectId, filters }: { projectId: string; filters: TaskFilters }) {
  const trpc = useTRPC();
  const me = useMe();
  const actions = useTaskListActions();
  const tasks = useInfiniteQuery(
    trpc.scheduler.tasks.list.infiniteQueryOptions(filtersToListInput(projectId, filters, me.timeZone, PAGE_SIZE), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );

  if (tasks.isPending) return <Loading label="Loading tasks…" />;
  if (tasks.isError) return <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />;

  const items = actions.visible(tasks.data.pages.flatMap((page) => page.items));
  if (items.length === 0) {
    return hasFilters(filters) ? (
      <EmptyState title="No tasks match these filters">Change or clear the filters to see more.</EmptyState>
    ) : (
      <EmptyState title="No open tasks in this project">Tasks filed under this project appear here.</EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="sr-only">
        {items.length} {items.length === 1 ? "task" : "tasks"} shown
      </p>
      <ul aria-label="Tasks" className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        {nestSubtasks(items).map(({ task, parent }) => (
          <TaskRow key={task.id} task={task} parent={parent} timeZone={me.timeZone} {...actions.rowActions(task)} />
        ))}
      </ul>
      <LoadMoreButton query={tasks} label="Load more" />
    </div>
  );
}
