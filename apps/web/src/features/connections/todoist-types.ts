import type { RouterOutputs } from "@agendacraft/api";

/** `todoist.status`: the person's Todoist connection, its last run and the one in progress. */
export type TodoistStatus = RouterOutputs["todoist"]["status"];
export type TodoistLastResult = NonNullable<TodoistStatus["lastResult"]>;
export type TodoistUnmapped = TodoistStatus["unmapped"][number];
