import { priorityLabel } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useEffect, useRef } from "react";
import { formatMinutes } from "../../lib/time.ts";
import { buttonClass } from "../../ui/button.ts";
import { formatDue } from "../tasks/format-due.ts";
import { TaskEditForm } from "../tasks/task-edit-form.tsx";
import type { Task } from "../tasks/task-types.ts";

type InboxTaskRowProps = {
  task: Task;
  timeZone: string;
  editing: boolean;
  onEdit: () => void;
  onEditEnd: () => void;
  onSaved: (task: Task) => void;
  onComplete: () => void;
  onDelete: () => void;
};

/** One inbox task: drag handle, complete checkbox, what it is, and its actions; or its edit form. */
export function InboxTaskRow({
  task,
  timeZone,
  editing,
  onEdit,
  onEditEnd,
  onSaved,
  onComplete,
  onDelete,
}: InboxTaskRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    data: { summary: task.summary },
  });
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);

  // Back from the form (saved or cancelled), keyboard users continue where they started.
  useEffect(() => {
    if (wasEditing.current && !editing) editButtonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <li
      ref={setNodeRef}
      data-task-id={task.id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`flex flex-wrap items-start gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-3 py-2 last:border-b-0 ${isDragging ? "relative z-10 shadow-lg" : ""}`}
    >
      {editing ? (
        <TaskEditForm
          task={task}
          timeZone={timeZone}
          onCancel={onEditEnd}
          onSaved={(saved) => {
            onSaved(saved);
            onEditEnd();
          }}
        />
      ) : (
        <>
          <button
            ref={setActivatorNodeRef}
            type="button"
            {...attributes}
            {...listeners}
            aria-label={`Reorder "${task.summary}"`}
            className="mt-0.5 cursor-grab touch-none rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          >
            <span aria-hidden="true">⠿</span>
          </button>
          <input
            type="checkbox"
            aria-label={`Complete "${task.summary}"`}
            className="mt-1.5 size-4 shrink-0"
            checked={false}
            onChange={onComplete}
          />
          <div className="min-w-0 flex-1 basis-40">
            <p className="break-words text-sm font-medium text-slate-900">{task.summary}</p>
            <TaskMeta task={task} timeZone={timeZone} />
          </div>
          <div className="ml-auto flex shrink-0 gap-1">
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

function TaskMeta({ task, timeZone }: { task: Task; timeZone: string }) {
  const facts = [
    formatMinutes(task.minutes),
    task.priority > 0 ? priorityLabel(task.priority) : null,
    task.dueAt ? `Due ${formatDue(task.dueAt, timeZone)}` : null,
    task.recurrence ? "Repeats" : null,
  ].filter((fact) => fact !== null);
  return (
    <>
      <p className="text-xs text-slate-500">{facts.join(" · ")}</p>
      {task.description ? <p className="line-clamp-2 text-xs text-slate-600">{task.description}</p> : null}
    </>
  );
}
