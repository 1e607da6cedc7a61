import { formatDateTime, formatTime } from "../../lib/time.ts";
import type { TaskHistoryEntry } from "./task-types.ts";

type Span = { start: string; end: string };

/** "Tue 2 Jun, 10:00–11:00" in the person's zone. */
function formatSpan(span: Span, timeZone: string): string {
  return `${formatDateTime(new Date(span.start), timeZone)}–${formatTime(new Date(span.end), timeZone)}`;
}

const toSpan = (span: Span | null | undefined, timeZone: string) => (span ? ` to ${formatSpan(span, timeZone)}` : "");

/**
 * The sentence a person reads for one history entry. Built here, not on the server, so the
 * server keeps stable codes and the words (and their time zone) stay the web's business.
 */
export function describeHistoryEntry({ kind, detail }: TaskHistoryEntry, timeZone: string): string {
  switch (kind) {
    case "created":
      return detail.to ? `Created for ${formatSpan(detail.to, timeZone)}` : "Created";
    case "completed":
      return "Completed";
    case "reopened":
      return "Reopened";
    case "planned":
      return `Planned${toSpan(detail.to, timeZone)}`;
    case "plan_undone":
      return detail.to ? `Plan undone: back${toSpan(detail.to, timeZone)}` : "Plan undone: no time again";
    case "moved_in_google":
      return `Moved in Google Calendar${toSpan(detail.to, timeZone)}${
        detail.winner === "google" ? " (newer than your change in AgendaCraft, so it won)" : ""
      }`;
    case "unscheduled_in_google":
      return `Deleted from Google Calendar, so it has no time now${
        detail.winner === "google" ? " (newer than your change in AgendaCraft, so it won)" : ""
      }`;
    case "renamed_in_google":
      return `Renamed in Google Calendar to “${detail.toSummary ?? ""}”${
        detail.winner === "google" ? " (newer than your change in AgendaCraft, so it won)" : ""
      }`;
    case "google_change_ignored": {
      if (detail.change === "renamed") {
        return `Your change in AgendaCraft was newer; renaming it to “${detail.toSummary ?? ""}” in Google was replaced`;
      }
      const edit = detail.change === "deleted" ? "deleting it in Google" : "Google's edit";
      return `Your change in AgendaCraft was newer; ${edit} was replaced${
        detail.change === "deleted" ? " and the event put back" : ""
      }`;
    }
  }
}
