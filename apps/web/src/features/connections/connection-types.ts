import type { RouterOutputs } from "@agendacraft/api";

/** `calendars.list`: a Google account or an iCal feed, with the calendars it brings. */
export type Connection = RouterOutputs["calendars"]["list"][number];
export type ConnectionCalendar = Connection["calendars"][number];
export type ConnectionStatus = Connection["status"];
