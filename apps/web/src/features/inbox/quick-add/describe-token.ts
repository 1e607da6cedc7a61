import { describeRecurrence } from "@agendacraft/domain/scheduler/recurrence/schemas";
import { priorityLabel } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { formatDateTime, formatDay, formatMinutes } from "../../../lib/time.ts";
import type { QuickAddToken } from "./quick-add-token.ts";

/**
 * What a token will set, in the words the rest of the app uses ("P1 urgent", "1 h 30 min",
 * "Repeats every weekday"); a token that sets nothing says its words stay in the summary.
 */
export function describeToken(token: QuickAddToken, timeZone: string): string {
  switch (token.kind) {
    case "due": {
      const when = token.hasTime ? formatDateTime(token.dueAt, timeZone) : formatDay(token.dueAt, timeZone);
      return token.firstRepeat ? `Due ${when}, the first repeat` : `Due ${when}`;
    }
    case "startAfter":
      return `Not before ${token.hasTime ? formatDateTime(token.startAfter, timeZone) : formatDay(token.startAfter, timeZone)}`;
    case "minutes":
      return formatMinutes(token.minutes);
    case "priority":
      return priorityLabel(token.priority);
    case "project":
      return token.projectId ? `Project ${token.name}` : `No project “${token.name}”: left in the summary`;
    case "repeat":
      return token.rule
        ? `Repeats ${describeRecurrence(token.rule)}`
        : `Repeat not understood: “${token.text}” left in the summary`;
  }
}
