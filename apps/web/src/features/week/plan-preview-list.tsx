import { EmptyState } from "../../ui/states.tsx";
import { describeChange } from "./plan-format.ts";
import type { PlanPreview } from "./week-types.ts";

/** What a plan would do: each task's move ("summary: old → new"), then the tasks it cannot place and why. */
export function PlanPreviewList({ preview, timeZone }: { preview: PlanPreview; timeZone: string }) {
  if (preview.changes.length === 0 && preview.unplaced.length === 0) {
    return (
      <EmptyState title="Nothing to plan">
        Every open task already has a time. Tasks without one are planned into your planners’ free windows.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {preview.changes.length > 0 ? (
        <section aria-labelledby="plan-changes-heading">
          <h3 id="plan-changes-heading" className="mb-1 text-sm font-semibold text-slate-700">
            Changes ({preview.changes.length})
          </h3>
          <ul className="flex flex-col gap-2" aria-label="Changes">
            {preview.changes.map((change) => {
              const row = describeChange(change, timeZone);
              return (
                <li key={row.taskId} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
                  <p>
                    <span className="font-medium">{row.summary}:</span> {row.before} → {row.after}
                  </p>
                  {row.parts.length > 0 ? (
                    <ul className="ml-4 list-disc text-slate-700">
                      {row.parts.map((part) => (
                        <li key={part}>{part}</li>
                      ))}
                    </ul>
                  ) : null}
                  <p className="text-xs text-slate-500">{row.explanation}</p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {preview.unplaced.length > 0 ? (
        <section aria-labelledby="plan-unplaced-heading">
          <h3 id="plan-unplaced-heading" className="mb-1 text-sm font-semibold text-slate-700">
            Not planned ({preview.unplaced.length})
          </h3>
          <ul className="flex flex-col gap-2" aria-label="Not planned">
            {preview.unplaced.map((task) => (
              <li key={task.taskId} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm">
                <span className="font-medium">{task.summary}:</span> {task.explanation}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
