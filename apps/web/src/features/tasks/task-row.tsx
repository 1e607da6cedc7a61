import { priorityLabel } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { type CSSProperties, type ReactNode, type Ref, useEffect, useRef } from "react";
import { formatDateTime, formatMinutes, formatTime } from "../../lib/time.ts";
import { buttonClass } from "../../ui/button.ts";
import { TodoistMark } from "../../ui/todoist-mark.tsx";
import { formatDue } from "./format-due.ts";
import { useProjectChoices } from "./project-select.tsx";
import { TaskEditForm } from "./task-edit-form.tsx";
import type { Task } from "./task-types.ts";

export type TaskRowProps = {
  task: Task;
  timeZone: string;
  editing: boolean;
  onEdit: () => void;
  /** The edit form closed, with the saved task or null when cancelled. */
  onEditEnd: (saved: Task | null) => void;
  onComplete: () => void;
  /** Done tasks (a project's "Done" filter) are ticked; unticking one reopens it. */
  onReopen?: () => void;
  onDelete: () => void;
  /** "time": the start as a time of day first (Today, Upcoming, where the day is the heading). */
  startAs?: "date" | "time";
  /** Shows the task's project by name (lists that mix projects). */
  showProject?: boolean;
  /** Before the checkbox: the inbox's drag handle. */
  leading?: ReactNode;
  /** More buttons before Edit (Today's Re-plan). */
  trailing?: ReactNode;
  /** A short status next to the summary (Today's "Conflict"). */
  badge?: ReactNode;
  /** The listed task this one is a sub-task of: the row is indented under it. */
  parent?: Task | null;
  /** For a list that moves its rows (the inbox's sortable list). */
  rowRef?: Ref<HTMLLIElement>;
  rowStyle?: CSSProperties;
  rowClassName?: string;
};

/**
 * One task wherever tasks are listed (Inbox, project page, Today, Upcoming): complete
 * checkbox, what it is and when, Edit and Delete; or, while editing, the one edit form.
 */
export function TaskRow({
  task,
  timeZone,
  editing,
  onEdit,
  onEditEnd,
  onComplete,
  onReopen,
  onDelete,
  startAs = "date",
  showProject = false,
  leading,
  trailing,
  badge,
  parent = null,
  rowRef,
  rowStyle,
  rowClassName = "",
}: TaskRowProps) {
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  const done = task.completedAt !== null;

  // Back from the form (saved or cancelled), keyboard users continue where they started.
  useEffect(() => {
    if (wasEditing.current && !editing) editButtonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <li
      ref={rowRef}
      data-task-id={task.id}
      data-parent-id={parent?.id}
      style={rowStyle}
      className={`flex flex-wrap items-start gap-x-3 gap-y-2 border-b border-slate-200 bg-white py-2 pr-3 last:border-b-0 ${parent ? "pl-10" : "pl-3"} ${rowClassName}`}
    >
      {editing ? (
        <TaskEditForm task={task} onDone={onEditEnd} />
      ) : (
        <>
          {leading}
          <input
            type="checkbox"
            aria-label={done ? `Reopen "${task.summary}"` : `Complete "${task.summary}"`}
            className="mt-1.5 size-4 shrink-0"
            checked={done}
            disabled={done && !onReopen}
            onChange={done ? onReopen : onComplete}
          />
          <div className="min-w-0 flex-1 basis-40">
            <div className="flex flex-wrap items-baseline gap-x-2">
              {parent ? <span className="sr-only">Sub-task of “{parent.summary}”:</span> : null}
              <p
                className={`break-words text-sm font-medium ${done ? "text-slate-500 line-through" : "text-slate-900"}`}
              >
                {task.summary}
              </p>
              {task.todoistId !== null ? <TodoistMark className="self-center" /> : null}
              {badge}
            </div>
            <TaskFacts task={task} timeZone={timeZone} startAs={startAs} showProject={showProject} />
            <TaskLabels labels={task.labels} />
          </div>
          <div className="ml-auto flex shrink-0 gap-1">
            {trailing}
            <button
              ref={editButtonRef}
              type="button"
              className={buttonClass.ghost}
              aria-label={`Edit "${task.summary}"`}
              onClick={onEdit}
            >
              Edit
            </button>
            <button
              type="button"
              className={`${buttonClass.ghost} text-red-700`}
              aria-label={`Delete "${task.summary}"`}
              onClick={onDelete}
            >
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}

function TaskLabels({ labels }: { labels: string[] }) {
  if (labels.length === 0) return null;
  return (
    <ul aria-label="Labels" className="mt-1 flex flex-wrap gap-1">
      {labels.map((label) => (
        <li key={label} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {label}
        </li>
      ))}
    </ul>
  );
}

function TaskFacts({
  task,
  timeZone,
  startAs,
  showProject,
}: {
  task: Task;
  timeZone: string;
  startAs: "date" | "time";
  showProject: boolean;
}) {
  const projects = useProjectChoices();
  const projectName =
    showProject && task.projectId ? projects.data?.items.find((p) => p.id === task.projectId)?.name : null;
  const facts: ReactNode[] = [];
  if (task.startTime && startAs === "time") {
    const end = task.endTime ? `–${formatTime(task.endTime, timeZone)}` : "";
    facts.push(
      <time key="start" dateTime={task.startTime.toISOString()} className="font-medium text-slate-700">
        {formatTime(task.startTime, timeZone)}
        {end}
      </time>,
    );
  }
  facts.push(<span key="minutes">{formatMinutes(task.minutes)}</span>);
  if (task.priority > 0) facts.push(<span key="priority">{priorityLabel(task.priority)}</span>);
  if (task.dueAt) {
    facts.push(
      <span key="due">
        Due <time dateTime={task.dueAt.toISOString()}>{formatDue(task.dueAt, timeZone)}</time>
      </span>,
    );
  }
  if (task.startTime && startAs === "date") {
    facts.push(
      <span key="start">
        Starts <time dateTime={task.startTime.toISOString()}>{formatDateTime(task.startTime, timeZone)}</time>
      </span>,
    );
  }
  // Only while it waits for a time: once planned, the start says more.
  if (task.startAfter && !task.startTime && !task.completedAt) {
    facts.push(
      <span key="start-after">
        Not before <time dateTime={task.startAfter.toISOString()}>{formatDateTime(task.startAfter, timeZone)}</time>
      </span>,
    );
  }
  if (task.recurrence) facts.push(<span key="repeats">Repeats</span>);
  if (projectName) facts.push(<span key="project">{projectName}</span>);
  if (task.completedAt) {
    facts.push(
      <span key="done">
        Done <time dateTime={task.completedAt.toISOString()}>{formatDateTime(task.completedAt, timeZone)}</time>
      </span>,
    );
  }
  return (
    <>
      <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-500">{facts}</p>
      {task.description ? <p className="line-clamp-2 text-xs text-slate-600">{task.description}</p> : null}
    </>
  );
}
