import type { TodoistRunning } from "@agendacraft/domain/todoist/schemas";
import { todoistPhaseWords } from "@agendacraft/domain/todoist/schemas";
import { todoistProgressFraction } from "./todoist-words.ts";

/**
 * The run in progress: its phase in words and a bar. Without a total (reading projects) the bar
 * has no value, which assistive technology announces as busy rather than as 0 %.
 */
export function TodoistProgress({ running }: { running: TodoistRunning }) {
  const words = todoistPhaseWords(running);
  const fraction = todoistProgressFraction(running);
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="flex flex-col gap-1" aria-live="polite">
      <p className="text-sm text-slate-700">{words}…</p>
      <div
        role="progressbar"
        aria-label="Todoist sync progress"
        aria-valuetext={words}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? {} : { "aria-valuenow": percent })}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full bg-indigo-600 transition-[width] ${percent === null ? "w-1/3 animate-pulse" : ""}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
