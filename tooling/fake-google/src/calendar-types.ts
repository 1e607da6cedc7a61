import type { EventDateTime } from "./event-times.ts";

export type { EventDateTime };

export type EventAttendee = {
  email: string;
  displayName?: string;
  self?: boolean;
  organizer?: boolean;
  optional?: boolean;
  responseStatus?: "needsAction" | "declined" | "tentative" | "accepted";
};

export type EventType = "default" | "outOfOffice" | "focusTime" | "workingLocation" | "birthday" | "fromGmail";

/** An event resource as the Calendar API v3 returns it (the fields AgendaCraft reads or writes). */
export type GoogleEvent = {
  kind: "calendar#event";
  etag: string;
  id: string;
  status: "confirmed" | "tentative" | "cancelled";
  htmlLink: string;
  created: string;
  updated: string;
  summary?: string;
  description?: string;
  location?: string;
  colorId?: string;
  creator: { email: string; self?: boolean };
  organizer: { email: string; displayName?: string; self?: boolean };
  start: EventDateTime;
  end: EventDateTime;
  endTimeUnspecified?: boolean;
  recurrence?: string[];
  recurringEventId?: string;
  originalStartTime?: EventDateTime;
  transparency?: "opaque" | "transparent";
  visibility?: "default" | "public" | "private" | "confidential";
  iCalUID: string;
  sequence: number;
  attendees?: EventAttendee[];
  extendedProperties?: { private?: Record<string, string>; shared?: Record<string, string> };
  reminders: { useDefault: boolean; overrides?: { method: string; minutes: number }[] };
  eventType: EventType;
  outOfOfficeProperties?: Record<string, unknown>;
  focusTimeProperties?: Record<string, unknown>;
  workingLocationProperties?: Record<string, unknown>;
};

/** What a client (or a test) may give for an event: everything Google computes is optional. */
export type EventInput = Partial<
  Omit<GoogleEvent, "kind" | "etag" | "htmlLink" | "created" | "updated" | "iCalUID" | "creator" | "organizer">
>;

/** The account's access to a calendar; reader and freeBusyReader cannot write events. */
export type CalendarAccessRole = "owner" | "writer" | "reader" | "freeBusyReader";

export type FakeCalendar = {
  id: string;
  owner: string;
  /** What the owner may do with it (a calendar shared read-only with them: reader). */
  accessRole: CalendarAccessRole;
  summary: string;
  description?: string;
  timeZone: string;
  primary: boolean;
  colorId: string;
  backgroundColor: string;
  foregroundColor: string;
  /** The OAuth client that created it (calendars.insert), for the `calendar.app.created` scope. */
  createdByClientId?: string;
  /** Bumped by expireSyncTokens: every sync token issued before answers 410. */
  syncGeneration: number;
  etagSeq: number;
};

/** calendarList entries as the Calendar API returns them. */
export type CalendarListEntry = {
  kind: "calendar#calendarListEntry";
  etag: string;
  id: string;
  summary: string;
  description?: string;
  timeZone: string;
  colorId: string;
  backgroundColor: string;
  foregroundColor: string;
  selected: boolean;
  accessRole: CalendarAccessRole;
  defaultReminders: { method: string; minutes: number }[];
  primary?: boolean;
};
