import { describeRecurrence } from "@agendacraft/domain/scheduler/recurrence/schemas";
import { priorityLabel } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { formatDateTime, formatDay, formatMinutes } from "../../../lib/time.ts";
import type { QuickAddToken } from "./parse-quick-add.ts";

/**
 * What a token will set, in the words the rest of the app uses ("P1 urgent", "1 h 30 min",
 * "Repeats every weekday"); a token that sets nothing says so, so nothing is dropped unseen.
 */
export function describeToken(token: QuickAddToken, timeZone: string): string {
  switch (token.kind) {
    case "due": {
      const when = token.hasTime ? formatDateTime(token.dueAt, timeZone) : formatDay(token.dueAt, timeZone);
      return token.firstRepeat ? `Due ${when}, the first repeat` : `Due ${when}`;
    }
    case "minutes":
      return formatMinutes(token.minutes);
    case "priority":
      return priorityLabel(token.priority);
    case "project":
      return token.projectId ? `Project ${token.name}` : `No project “${token.name}”: not set`;
    case "repeat":
      return token.rule
        ? `Repeats ${describeRecurrence(token.rule)}`
        : `Repeat not understood: “${token.text}”, not set`;
  }
}
