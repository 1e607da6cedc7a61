import type { RouterOutputs } from "@agendacraft/api";
import { useId } from "react";
import { formatTime } from "../../lib/time.ts";

type KeptOccurrence = RouterOutputs["scheduler"]["tasks"]["today"]["occurrences"][number];

/** One row per kept block: "09:00–09:15 Standup notes" (read-only). */
export function KeptOccurrenceList({
  occurrences,
  timeZone,
  label,
}: {
  occurrences: readonly KeptOccurrence[];
  timeZone: string;
  label: string;
}) {
  return (
    <ul aria-label={label} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      {occurrences.map((occurrence) => (
        <li
          key={`${occurrence.taskId}#${occurrence.occurrenceIndex}`}
          className="flex items-baseline gap-3 border-b border-slate-100 px-3 py-2 text-sm last:border-b-0"
        >
          <time dateTime={occurrence.start.toISOString()} className="font-medium text-slate-700">
            {formatTime(occurrence.start, timeZone)}–{formatTime(occurrence.end, timeZone)}
          </time>
          <span>{occurrence.summary}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Time a plan kept today for a later occurrence of a repeating task whose current
 * occurrence is still open (it is listed above): read-only, since completing the current
 * one is what hands this time on. Nothing is shown when there is none.
 */
export function KeptOccurrences({
  occurrences,
  timeZone,
}: {
  occurrences: readonly KeptOccurrence[];
  timeZone: string;
}) {
  const headingId = useId();
  if (occurrences.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h2 id={headingId} className="text-base font-semibold">
        Kept for repeating tasks<span className="ml-2 font-normal text-slate-500">{occurrences.length}</span>
      </h2>
      <p className="text-sm text-slate-600">
        Today's time for the next occurrence; it takes this time once the earlier occurrence is done.
      </p>
      <KeptOccurrenceList occurrences={occurrences} timeZone={timeZone} label="Kept for repeating tasks" />
    </section>
  );
}
