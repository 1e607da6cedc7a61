import { priorityLabel } from "../../tasks/priority/schemas.ts";
import { formatLocalDay } from "./format-local-day.ts";

export type PlacementFacts = {
  priority: number;
  plannerName: string;
  dueAt: number | null;
  /** For split tasks: which part, of how many, and its minutes out of the task's. */
  chunk: { index: number; count: number; minutes: number; totalMinutes: number } | null;
  /** "spread": placed on a lighter day than the earliest one with room. */
  how: "earliest" | "spread";
  timeZone: string;
};

/** "P2 high, earliest free slot in Work hours, before deadline Fri 6 Mar" (priority names from the one table). */
export function explainPlacement({ priority, plannerName, dueAt, chunk, how, timeZone }: PlacementFacts): string {
  const parts = [priorityLabel(priority)];
  if (chunk) {
    parts.push(`part ${chunk.index} of ${chunk.count} (${chunk.minutes} of ${chunk.totalMinutes} min)`);
  }
  parts.push(
    how === "spread" ? `first free slot in ${plannerName} on a lighter day` : `earliest free slot in ${plannerName}`,
  );
  if (dueAt !== null) parts.push(`before deadline ${formatLocalDay(dueAt, timeZone)}`);
  return parts.join(", ");
}
