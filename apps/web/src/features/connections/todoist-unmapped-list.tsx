import { lazy, Suspense, useState } from "react";
import { buttonClass } from "../../ui/button.ts";
import type { TodoistUnmapped } from "./todoist-types.ts";
import { countWords } from "./todoist-words.ts";

// The week's task dialog brings the edit form with it: loaded only when a task is opened.
const TaskDetailsDialog = lazy(async () => ({
  default: (await import("../week/task-details-dialog.tsx")).TaskDetailsDialog,
}));

/**
 * Todoist tasks whose repeat AgendaCraft does not plan: the due string as written, why, and the
 * task itself (edit its repeat here, or change it in Todoist). Nothing is dropped silently.
 */
export function TodoistUnmappedList({ unmapped }: { unmapped: TodoistUnmapped[] }) {
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  if (unmapped.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <h4 className="text-sm font-medium text-slate-800">
        {countWords(unmapped.length, "repeat")} AgendaCraft does not plan as a repeat
      </h4>
      <p className="text-xs text-slate-600">
        These tasks are imported; their repeat is kept as Todoist wrote it but not planned again after each time.
      </p>
      <ul aria-label="Todoist repeats not planned" className="divide-y divide-slate-100 text-sm">
        {unmapped.map((item) => (
          <li
            key={item.todoistId}
            className="flex flex-col gap-1 py-1.5 sm:flex-row sm:items-center sm:justify-between"
          >
            <span>
              <span className="font-medium">“{item.text}”</span> <span className="text-slate-600">— {item.reason}</span>
            </span>
            {item.taskId ? (
              <button
                type="button"
                className={`${buttonClass.ghost} shrink-0 text-indigo-700`}
                aria-label={`Open the task repeating “${item.text}”`}
                onClick={() => setOpenTaskId(item.taskId)}
              >
                Open task
              </button>
            ) : (
              <span className="shrink-0 text-xs text-slate-500">deleted in AgendaCraft</span>
            )}
          </li>
        ))}
      </ul>
      {openTaskId ? (
        <Suspense fallback={null}>
          <TaskDetailsDialog taskId={openTaskId} week={null} onClose={() => setOpenTaskId(null)} />
        </Suspense>
      ) : null}
    </div>
  );
}
