import type { ReactNode } from "react";
import { useId } from "react";
import { EmptyState } from "../../ui/states.tsx";
import { TaskRow, type TaskRowProps } from "../tasks/task-row.tsx";
import type { Task } from "../tasks/task-types.ts";
import type { useTaskListActions } from "../tasks/use-task-list-actions.ts";

type TaskSectionProps = {
  title: string;
  tasks: readonly Task[];
  timeZone: string;
  actions: ReturnType<typeof useTaskListActions>;
  /** What an empty section says. */
  empty: string;
  startAs?: TaskRowProps["startAs"];
  /** Next to the heading: a section-wide action. */
  action?: ReactNode;
  /** More buttons on a row (Re-plan on an overdue task). */
  rowExtra?: (task: Task) => ReactNode;
  /** A status next to a row's summary (a calendar conflict). */
  rowBadge?: (task: Task) => ReactNode;
  headingLevel?: 2 | 3;
};

/** A titled list of task rows (Today's Overdue, Upcoming's days), or what it says when empty. */
export function TaskSection({
  title,
  tasks,
  timeZone,
  actions,
  empty,
  startAs = "time",
  action,
  rowExtra,
  rowBadge,
  headingLevel = 2,
}: TaskSectionProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const shown = actions.visible(tasks);
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Heading id={headingId} className={headingLevel === 2 ? "text-base font-semibold" : "text-sm font-semibold"}>
          {title}
          {shown.length > 0 ? <span className="ml-2 font-normal text-slate-500">{shown.length}</span> : null}
        </Heading>
        {shown.length > 0 ? action : null}
      </div>
      {shown.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <ul aria-label={title} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          {shown.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              timeZone={timeZone}
              startAs={startAs}
              showProject
              trailing={rowExtra?.(task)}
              badge={rowBadge?.(task)}
              {...actions.rowActions(task)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
