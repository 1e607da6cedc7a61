import { EmptyState } from "../../ui/states.tsx";
import { describeChange } from "./plan-format.ts";
import { PlanNoticeMessage } from "./plan-notice.tsx";
import type { PlanPreview } from "./week-types.ts";

/**
 * What a plan would do: each task's move ("summary: old → new"), then the tasks it cannot
 * place and why. The server lists only the first few hundred of each; the headings give the totals.
 * When one cause stops the whole plan (no task, no planner), it is said once instead.
 */
export function PlanPreviewList({ preview, timeZone }: { preview: PlanPreview; timeZone: string }) {
  // A notice means nothing can be placed; each task's "not planned" line would repeat it.
  if (preview.notice) {
    return <PlanNoticeMessage notice={preview.notice} />;
  }
  if (preview.changes.length === 0 && preview.unplaced.length === 0) {
    return (
      <EmptyState title="Nothing to plan">
        Tasks without a time are planned into your planners’ free windows.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {preview.changes.length > 0 ? (
        <section aria-labelledby="plan-changes-heading">
          <h3 id="plan-changes-heading" className="mb-1 text-sm font-semibold text-slate-700">
            Changes ({preview.changeCount})
          </h3>
          <ul className="flex flex-col gap-2" aria-label="Changes">
            {preview.changes.map((change) => {
              const row = describeChange(change, timeZone);
              return (
                <li key={row.key} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
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
          <MoreNotListed count={preview.changeCount - preview.changes.length} />
        </section>
      ) : null}
      {preview.unplaced.length > 0 ? (
        <section aria-labelledby="plan-unplaced-heading">
          <h3 id="plan-unplaced-heading" className="mb-1 text-sm font-semibold text-slate-700">
            Not planned ({preview.unplacedCount})
          </h3>
          <ul className="flex flex-col gap-2" aria-label="Not planned">
            {preview.unplaced.map((task) => (
              <li
                key={task.occurrence ? `${task.taskId}#${task.occurrence.index}` : task.taskId}
                className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm"
              >
                <span className="font-medium">{task.summary}:</span> {task.explanation}
              </li>
            ))}
          </ul>
          <MoreNotListed count={preview.unplacedCount - preview.unplaced.length} />
        </section>
      ) : null}
    </div>
  );
}

function MoreNotListed({ count }: { count: number }) {
  if (count <= 0) return null;
  return <p className="mt-2 text-sm text-slate-600">…and {count.toLocaleString("en-US")} more, not listed here.</p>;
}
