/**
 * Google's calendarList accessRole: owner and writer may change events; reader and
 * freeBusyReader only see them (a calendar shared read-only), so plans cannot go there.
 */
export const WRITABLE_ACCESS_ROLES: readonly string[] = ["owner", "writer"];

/** What we store once Google refuses a write (403): the calendar is read-only for us now. */
export const READ_ONLY_ACCESS_ROLE = "reader";

export function canWriteEvents(accessRole: string): boolean {
  return WRITABLE_ACCESS_ROLES.includes(accessRole);
}

/** The connection's lastError while its write target is read-only: what happened and what to do. */
export function readOnlyWriteTargetMessage(calendarName: string): string {
  return `Google no longer lets AgendaCraft change events in "${calendarName}" (it is read-only for this account), so plans are not written there. Choose another calendar for plans.`;
}
