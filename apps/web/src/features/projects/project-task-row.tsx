import { priorityLabel } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { formatDateTime, formatMinutes } from "../../lib/time.ts";
import type { TaskItem } from "./project-types.ts";

/** One task of the project page: summary, then its length, priority, deadline and start in the person's zone. */
export function ProjectTaskRow({ task, timeZone }: { task: TaskItem; timeZone: string }) {
  return (
    <li className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <p className={`font-medium ${task.completedAt ? "text-slate-500 line-through" : "text-slate-900"}`}>
        {task.summary}
      </p>
      <p className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
        <span>{formatMinutes(task.minutes)}</span>
        {task.priority > 0 ? <span>{priorityLabel(task.priority)}</span> : null}
        {task.dueAt ? (
          <span>
            Due <time dateTime={task.dueAt.toISOString()}>{formatDateTime(task.dueAt, timeZone)}</time>
          </span>
        ) : null}
        {task.startTime ? (
          <span>
            Starts <time dateTime={task.startTime.toISOString()}>{formatDateTime(task.startTime, timeZone)}</time>
          </span>
        ) : (
          <span>Not scheduled</span>
        )}
        {task.completedAt ? (
          <span>
            Done <time dateTime={task.completedAt.toISOString()}>{formatDateTime(task.completedAt, timeZone)}</time>
          </span>
        ) : null}
      </p>
    </li>
  );
}
