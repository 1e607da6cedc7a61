/**
 * iCalendar text the way Google serves a calendar's secret address: CRLF lines, a
 * VTIMEZONE block, a weekly meeting with an EXDATE and one moved instance, an all-day
 * event, and events the sync must skip (transparent, cancelled).
 */
export const BERLIN_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "X-LIC-LOCATION:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

export function calendarText(events: string[][]): string {
  return [
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Work",
    "X-WR-TIMEZONE:Europe/Berlin",
    ...BERLIN_VTIMEZONE,
    ...events.flatMap((lines) => ["BEGIN:VEVENT", ...lines, "DTSTAMP:20260520T080000Z", "END:VEVENT"]),
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

/** Thursdays 10:00-11:00 Berlin since March (CET, so DST starts in between): 11 June is excluded, 18 June moved to Friday 19 June 14:00. */
export const WEEKLY_MEETING = [
  [
    "DTSTART;TZID=Europe/Berlin:20260305T100000",
    "DTEND;TZID=Europe/Berlin:20260305T110000",
    "RRULE:FREQ=WEEKLY;BYDAY=TH",
    "EXDATE;TZID=Europe/Berlin:20260611T100000",
    "UID:weekly-sync@google.com",
    "SUMMARY:Team sync",
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
  ],
  [
    "DTSTART;TZID=Europe/Berlin:20260619T140000",
    "DTEND;TZID=Europe/Berlin:20260619T150000",
    "RECURRENCE-ID;TZID=Europe/Berlin:20260618T100000",
    "UID:weekly-sync@google.com",
    "SUMMARY:Team sync (moved)",
    "SEQUENCE:1",
  ],
];

export const ALL_DAY_OFFSITE = [
  "DTSTART;VALUE=DATE:20260603",
  "DTEND;VALUE=DATE:20260604",
  "UID:offsite@google.com",
  "SUMMARY:Offsite",
  "TRANSP:OPAQUE",
];

export const LUNCH = [
  "DTSTART:20260602T110000Z",
  "DTEND:20260602T120000Z",
  "UID:lunch@google.com",
  "SUMMARY:Lunch with Sam",
];

/** Zone by IANA name with no VTIMEZONE in the file. */
export const NEW_YORK_CALL = [
  "DTSTART;TZID=America/New_York:20260604T090000",
  "DTEND;TZID=America/New_York:20260604T093000",
  "UID:ny-call@google.com",
  "SUMMARY:Call with New York",
];

export const TRANSPARENT_REMINDER = [
  "DTSTART:20260602T130000Z",
  "DTEND:20260602T140000Z",
  "UID:free@google.com",
  "SUMMARY:Shown as free",
  "TRANSP:TRANSPARENT",
];

export const CANCELLED_DENTIST = [
  "DTSTART:20260602T150000Z",
  "DTEND:20260602T160000Z",
  "UID:dentist@google.com",
  "SUMMARY:Dentist",
  "STATUS:CANCELLED",
];

/** Long before the synced window; must not be stored. */
export const LAST_YEAR = [
  "DTSTART:20250602T150000Z",
  "DTEND:20250602T160000Z",
  "UID:old@google.com",
  "SUMMARY:Long ago",
];

export const GOOGLE_FEED = calendarText([
  ...WEEKLY_MEETING,
  ALL_DAY_OFFSITE,
  LUNCH,
  NEW_YORK_CALL,
  TRANSPARENT_REMINDER,
  CANCELLED_DENTIST,
  LAST_YEAR,
]);
