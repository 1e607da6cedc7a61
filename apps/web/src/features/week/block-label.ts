import { priorityLabel } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { DateTime } from "luxon";

/** A mark that scales with urgency and fits a 15-minute block: "" (none), "!", "!!" or "!!!". */
export function priorityMark(priority: number): string {
  if (priority >= 5) return "!!!";
  if (priority >= 3) return "!!";
  if (priority >= 1) return "!";
  return "";
}

/** "15:30" and "16:00" in the person's zone, each whole: a block shows them, never a cut "16:0". */
export function blockTimes(start: Date, end: Date, timeZone: string): { start: string; end: string } {
  const format = (date: Date) => DateTime.fromJSDate(date, { zone: timeZone }).toFormat("HH:mm");
  return { start: format(start), end: format(end) };
}

export type BlockFacts = {
  title: string;
  start: Date;
  end: Date;
  projectName: string | null;
  priority: number;
  done: boolean;
  /** The planner placed it and a calendar event now overlaps it (the next plan moves it). */
  conflict: boolean;
  /** AgendaCraft wrote it into the person's Google calendar. */
  inGoogle: boolean;
};

/** What a conflicting block adds to its name, so a screen reader hears what the ⚠ mark shows. */
export const CONFLICT_WORDS = "conflicts with a calendar event";
/** What a block written to Google adds to its name (the "G" mark, in words). */
export const IN_GOOGLE_WORDS = "in Google Calendar";

/**
 * Everything a block says, in one sentence for assistive technology and for blocks too short
 * to show it: "Write report, Tue 2 Jun 15:30–16:00, Health, P3 medium" (the priority named from the one table).
 * "(done)" follows the title directly, as the rest of the app names done tasks; a conflict is
 * said last ("…, P3 medium, conflicts with a calendar event"), after "in Google Calendar" for a
 * task written there.
 */
export function blockLabel(facts: BlockFacts, timeZone: string): string {
  const day = DateTime.fromJSDate(facts.start, { zone: timeZone }).toFormat("ccc d LLL");
  const times = blockTimes(facts.start, facts.end, timeZone);
  return [
    facts.done ? `${facts.title} (done)` : facts.title,
    `${day} ${times.start}–${times.end}`,
    facts.projectName ?? "Inbox",
    priorityLabel(facts.priority),
    ...(facts.inGoogle ? [IN_GOOGLE_WORDS] : []),
    ...(facts.conflict ? [CONFLICT_WORDS] : []),
  ].join(", ");
}
