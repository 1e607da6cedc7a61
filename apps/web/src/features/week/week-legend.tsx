import { INBOX_COLOR } from "./block-colors.ts";
import type { ProjectLook } from "./calendar-events.ts";

/** What the colours and marks mean, in words, so nothing is told by colour alone. */
export function WeekLegend({
  timeZone,
  projects = [],
  showGoogleMark = false,
}: {
  timeZone: string;
  projects?: ProjectLook[];
  /** Only when the week shows a task written to Google: otherwise the "G" explains nothing on screen. */
  showGoogleMark?: boolean;
}) {
  const item = "flex items-center gap-1";
  const swatch = "inline-block h-3 w-3 rounded-sm border";
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Legend">
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-indigo-300 bg-indigo-200`} /> Planner time
      </li>
      <li className={item}>
        <span
          aria-hidden="true"
          className={swatch}
          style={{ backgroundColor: INBOX_COLOR, borderColor: INBOX_COLOR }}
        />{" "}
        Inbox task (drag to move)
      </li>
      {projects.map((project) => (
        <li key={project.name} className={item}>
          <span
            aria-hidden="true"
            className={swatch}
            style={{ backgroundColor: project.color, borderColor: project.color }}
          />{" "}
          {project.name}
        </li>
      ))}
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-2 border-dashed border-slate-700`} /> Part of a split task
      </li>
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-slate-300 bg-slate-200`} /> Done
      </li>
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-amber-600 bg-amber-100`} /> Busy (your calendars)
      </li>
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-slate-300 bg-slate-100`} /> Today
      </li>
      <li className={item}>
        <span aria-hidden="true" className="font-bold text-red-700">
          ⚠
        </span>{" "}
        Conflicts with a calendar event (the next plan moves it)
      </li>
      {showGoogleMark ? (
        <li className={item}>
          <span
            aria-hidden="true"
            className="rounded-sm border border-slate-300 bg-white px-0.5 font-bold text-slate-800"
          >
            G
          </span>{" "}
          In your Google Calendar too (synced)
        </li>
      ) : null}
      <li>Priority: ! low or medium, !! high, !!! urgent</li>
      <li>Times in {timeZone}</li>
    </ul>
  );
}
