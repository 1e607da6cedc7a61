import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { TaskRow, type TaskRowProps } from "../tasks/task-row.tsx";

/** The one task row, made draggable for the inbox's own order (a handle before the checkbox). */
export function SortableTaskRow(props: Omit<TaskRowProps, "leading" | "rowRef" | "rowStyle" | "rowClassName">) {
  const { task } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    data: { summary: task.summary },
  });
  return (
    <TaskRow
      {...props}
      rowRef={setNodeRef}
      rowStyle={{ transform: CSS.Translate.toString(transform), transition }}
      rowClassName={isDragging ? "relative z-10 shadow-lg" : ""}
      leading={
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
      }
    />
  );
}
