import { useId } from "react";
import { formatWindow } from "./format-window.ts";
import { PREVIEW_COUNT } from "./planner-form-values.ts";
import type { useRecurrencePreview } from "./use-recurrence-preview.ts";

type OccurrencePreviewProps = {
  preview: ReturnType<typeof useRecurrencePreview>;
  /** A preview failure that no field shows (the rule's own errors are at the rule field). */
  formError: string | null;
  /** The person's zone: windows are shown in it, whatever zone the planner computes in. */
  timeZone: string;
  plannerTimeZone: string;
};

/** "Next occurrences": the windows the planner will open, before it is saved. Errors show at the rule field. */
export function OccurrencePreview({ preview, formError, timeZone, plannerTimeZone }: OccurrencePreviewProps) {
  const headingId = useId();
  return (
    <div
      aria-live="polite"
      aria-busy={preview.pending}
      // While pending, the old list stays at full contrast (a faded one failed WCAG contrast);
      // aria-busy and the dashed border say it is being worked out.
      className={`rounded-md border bg-slate-50 p-3 text-sm ${preview.pending ? "border-dashed border-slate-400" : "border-slate-200"}`}
    >
      <h3 id={headingId} className="font-medium text-slate-800">
        Next occurrences
      </h3>
      {preview.text ? <p className="text-slate-600">Repeats {preview.text}</p> : null}
      {!preview.ready ? (
        <p className="text-slate-500">Enter a rule, a start date and a time to see the next occurrences.</p>
      ) : preview.error ? (
        <p className="text-slate-500">{formError ?? "Fix the highlighted fields to see the next occurrences."}</p>
      ) : preview.windows.length > 0 ? (
        <ol aria-labelledby={headingId} className="mt-1 flex flex-col gap-0.5 text-slate-800">
          {preview.windows.map((window) => (
            <li key={window.start.toISOString()}>
              <time dateTime={window.start.toISOString()}>{formatWindow(window.start, window.end, timeZone)}</time>
            </li>
          ))}
        </ol>
      ) : preview.pending ? (
        <p className="text-slate-500">Working out the next occurrences…</p>
      ) : (
        <p className="text-slate-500">
          {preview.anyOccurrence
            ? `The first ${PREVIEW_COUNT} occurrences from the start date have all passed.`
            : "This rule has no occurrences."}
        </p>
      )}
      {plannerTimeZone !== timeZone && preview.windows.length > 0 ? (
        <p className="mt-1 text-xs text-slate-500">Shown in your time zone ({timeZone}).</p>
      ) : null}
    </div>
  );
}
