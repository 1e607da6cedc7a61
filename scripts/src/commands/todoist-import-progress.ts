import { type TodoistRunning, todoistPhaseWords } from "@agendacraft/domain/todoist/schemas";

/** Where the progress goes (stderr): one updating line on a terminal, plain lines otherwise. */
export type ProgressStream = { isTTY: boolean; write(text: string): void };

const BAR_WIDTH = 24;
/** Back to the line's start and clear it: the next draw replaces the last. */
const CLEAR_LINE = "\r\x1b[2K";

/** Whole percent done, or null when the phase has no total to count against. */
function percentOf({ done, total }: TodoistRunning): number | null {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : null;
}

/** `[#########---------------]  37%  Importing tasks 74 of 200`; without a total the bar is empty. */
export function progressLine(running: TodoistRunning): string {
  const percent = percentOf(running);
  const filled = percent === null ? 0 : Math.round((percent / 100) * BAR_WIDTH);
  const bar = `[${"#".repeat(filled)}${(percent === null ? " " : "-").repeat(BAR_WIDTH - filled)}]`;
  const figure = percent === null ? "    " : `${String(percent).padStart(3)}%`;
  return `${bar} ${figure}  ${todoistPhaseWords(running)}`;
}

/**
 * Draws a run's progress as todoist.status reports it. A terminal gets one line redrawn in place;
 * a log or a pipe gets a line per phase and per 10 % of the tasks, so it stays short and readable.
 */
export function createTodoistProgress(stream: ProgressStream) {
  let drawn = false;
  let lastPhase: TodoistRunning["phase"] | null = null;
  let lastTenth = -1;
  return {
    update(running: TodoistRunning | null) {
      if (running === null) return;
      if (stream.isTTY) {
        stream.write(`${CLEAR_LINE}${progressLine(running)}`);
        drawn = true;
        return;
      }
      const percent = percentOf(running);
      const tenth = percent === null ? -1 : Math.floor(percent / 10);
      if (running.phase === lastPhase && tenth <= lastTenth) return;
      lastPhase = running.phase;
      lastTenth = tenth;
      stream.write(`${todoistPhaseWords(running)}${percent === null ? "" : ` (${percent}%)`}\n`);
    },
    /** Clears the terminal's progress line, so the summary starts on a clean line. */
    finish() {
      if (drawn) stream.write(CLEAR_LINE);
      drawn = false;
    },
  };
}
