import { DomainError } from "../shared/errors.ts";

/** The same for an unknown id and for another user's: no hint that the row exists. */
export function feedNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "calendars.feed_not_found",
    message: "That calendar does not exist or was removed.",
  });
}

/** `reason` names a status or a network failure; it must never contain the address (a secret). */
export function feedUnreachable(reason: string, cause?: unknown): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "calendars.feed_unreachable",
    message: `Could not download that calendar: ${reason}.`,
    details: { field: "url" },
    cause,
  });
}

export function feedInvalid(reason: string, cause?: unknown): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "calendars.feed_invalid",
    message: `That address does not lead to a calendar in iCal format: ${reason}.`,
    details: { field: "url" },
    cause,
  });
}

export function tooManyFeeds(max: number): DomainError {
  return new DomainError({
    kind: "CONFLICT",
    code: "calendars.too_many_feeds",
    message: `You can add at most ${max} calendars. Remove one first.`,
  });
}

/** Shown as the feed's lastError: the person can fix it by adding the calendar again. */
export function feedAddressUnreadable(cause?: unknown): DomainError {
  return new DomainError({
    kind: "UNAVAILABLE",
    code: "calendars.feed_address_unreadable",
    message: "This calendar's address can no longer be read (the server's keys changed). Remove it and add it again.",
    cause,
  });
}

/** The server has no GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET. */
export function googleNotConfigured(): DomainError {
  return new DomainError({
    kind: "UNAVAILABLE",
    code: "calendars.google_not_configured",
    message:
      "This server is not set up for Google. Ask its administrator to set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET.",
  });
}

/** An unknown Google connection or calendar, or another person's: the same answer. */
export function connectionNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "calendars.connection_not_found",
    message: "That calendar connection does not exist or was removed.",
  });
}

export function connectedCalendarNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "calendars.calendar_not_found",
    message: "That calendar does not exist or was removed.",
  });
}

/** Google refused the stored grant (revoked, expired, password changed): only connecting again helps. */
export function needsReconnect(email: string): DomainError {
  return new DomainError({
    kind: "CONFLICT",
    code: "calendars.needs_reconnect",
    message: `Google no longer accepts AgendaCraft's access to ${email}. Reconnect it in Settings → Connections.`,
  });
}

/** Google could not be reached or answered with an error we cannot fix by asking again now. */
/** The person chose a calendar shared with them read-only in Google as the place for plans. */
export function googleCalendarReadOnly(calendarName: string): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "calendars.google_calendar_read_only",
    message: `"${calendarName}" is read-only for you in Google, so AgendaCraft cannot write plans to it. Choose a calendar you can edit.`,
    details: { field: "writeTarget" },
  });
}

export function googleUnavailable(reason: string, cause?: unknown): DomainError {
  return new DomainError({
    kind: "UNAVAILABLE",
    code: "calendars.google_unavailable",
    message: `Google Calendar did not answer as expected: ${reason}. Please try again later.`,
    cause,
  });
}
