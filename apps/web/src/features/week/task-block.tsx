import { blockLabel, blockTimes, priorityMark } from "./block-label.ts";
import type { TaskBlockProps } from "./calendar-events.ts";

/** Up to this long, a block has room for one line only: the title first, then the start time. */
const SHORT_BLOCK_MINUTES = 30;

type TaskBlockContentProps = TaskBlockProps & { title: string; start: Date; end: Date; timeZone: string };

/**
 * What a task block shows. Screen readers (and the block's accessible name) get the whole
 * sentence; sighted people get the title on every block, however short, whole times, and a
 * priority mark. The visible part is hidden from assistive technology so nothing is read twice.
 */
export function TaskBlockContent({
  title,
  start,
  end,
  timeZone,
  projectName,
  priority,
  done,
  conflict,
  inGoogle,
}: TaskBlockContentProps) {
  const label = blockLabel({ title, start, end, projectName, priority, done, conflict, inGoogle }, timeZone);
  const times = blockTimes(start, end, timeZone);
  const mark = done ? "" : priorityMark(priority);
  const short = end.getTime() - start.getTime() <= SHORT_BLOCK_MINUTES * 60_000;
  return (
    <div className="agenda-block flex h-full min-w-0 flex-col overflow-hidden px-0.5 leading-tight">
      <span className="sr-only">{label}</span>
      {short ? (
        <div aria-hidden="true" className="flex min-w-0 items-baseline gap-1 text-[11px]">
          {conflict ? <ConflictMark /> : null}
          {inGoogle ? <InGoogleMark /> : null}
          {mark ? <span className="shrink-0 font-bold">{mark}</span> : null}
          <span className="min-w-0 truncate font-medium">{title}</span>
          <span className="shrink-0 whitespace-nowrap opacity-90">{times.start}</span>
        </div>
      ) : (
        <div aria-hidden="true" className="flex min-w-0 flex-col text-xs">
          <span className="whitespace-nowrap opacity-90">
            {conflict ? <ConflictMark /> : null}
            {inGoogle ? <InGoogleMark /> : null}
            {times.start}–{times.end}
            {mark ? <span className="ml-1 font-bold">{mark}</span> : null}
          </span>
          <span className="font-medium break-words">{title}</span>
          {projectName ? <span className="truncate opacity-90">{projectName}</span> : null}
        </div>
      )}
    </div>
  );
}

/** The visible sign of a conflict: a warning glyph on a white chip, readable on any project colour. */
function ConflictMark() {
  return (
    <span className="agenda-conflict-mark mr-0.5 shrink-0 rounded-sm bg-white px-0.5 font-bold text-red-700">⚠</span>
  );
}

/** The visible sign that the task is also in the person's Google calendar (named in the legend). */
function InGoogleMark() {
  return (
    <span className="agenda-google-mark mr-0.5 shrink-0 rounded-sm bg-white px-0.5 font-bold text-slate-800">G</span>
  );
}
