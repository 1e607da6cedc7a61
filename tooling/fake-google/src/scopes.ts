/** OAuth scopes the fake knows; anything else is `invalid_scope`, as at Google. */
const CALENDAR = "https://www.googleapis.com/auth/calendar";
export const SCOPES = {
  openid: "openid",
  email: "https://www.googleapis.com/auth/userinfo.email",
  profile: "https://www.googleapis.com/auth/userinfo.profile",
  calendar: CALENDAR,
  calendarReadonly: `${CALENDAR}.readonly`,
  events: `${CALENDAR}.events`,
  eventsReadonly: `${CALENDAR}.events.readonly`,
  eventsOwned: `${CALENDAR}.events.owned`,
  eventsOwnedReadonly: `${CALENDAR}.events.owned.readonly`,
  calendarList: `${CALENDAR}.calendarlist`,
  calendarListReadonly: `${CALENDAR}.calendarlist.readonly`,
  calendars: `${CALENDAR}.calendars`,
  calendarsReadonly: `${CALENDAR}.calendars.readonly`,
  appCreated: `${CALENDAR}.app.created`,
  freeBusy: `${CALENDAR}.freebusy`,
} as const;

const KNOWN = new Set<string>(Object.values(SCOPES));

/** Google accepts the short names `email` and `profile` and grants their full URLs. */
const ALIASES: Record<string, string> = { email: SCOPES.email, profile: SCOPES.profile };

export function normalizeScope(scope: string): string {
  return ALIASES[scope] ?? scope;
}

export function parseScopes(raw: string | undefined): string[] {
  const scopes = (raw ?? "")
    .split(/[\s+]+/)
    .filter(Boolean)
    .map(normalizeScope);
  return [...new Set(scopes)];
}

export function unknownScopes(scopes: string[]): string[] {
  return scopes.filter((scope) => !KNOWN.has(scope));
}

/** Sign-in scopes are always granted; Google's consent screen offers a checkbox only for the others. */
export function isSignInScope(scope: string): boolean {
  return scope === SCOPES.openid || scope === SCOPES.email || scope === SCOPES.profile;
}

const SCOPE_LABELS: Record<string, string> = {
  [SCOPES.openid]: "Associate you with your personal info on Google",
  [SCOPES.email]: "See your primary Google Account email address",
  [SCOPES.profile]: "See your personal info, including any personal info you've made publicly available",
  [SCOPES.calendar]: "See, edit, share, and permanently delete all the calendars you can access using Google Calendar",
  [SCOPES.calendarReadonly]: "See and download any calendar you can access using your Google Calendar",
  [SCOPES.events]: "View and edit events on all your calendars",
  [SCOPES.eventsReadonly]: "View events on all your calendars",
  [SCOPES.eventsOwned]: "See, create, change, and delete events on Google calendars you own",
  [SCOPES.eventsOwnedReadonly]: "See the events on Google calendars you own",
  [SCOPES.calendarList]: "See, add, and remove Google calendars you're subscribed to",
  [SCOPES.calendarListReadonly]: "See the list of Google calendars you're subscribed to",
  [SCOPES.calendars]:
    "See and change the properties of Google calendars you have access to, and create secondary calendars",
  [SCOPES.calendarsReadonly]:
    "See the title, description, default time zone, and other properties of Google calendars you have access to",
  [SCOPES.appCreated]: "Make secondary Google calendars, and see, create, change, and delete events on them",
  [SCOPES.freeBusy]: "See the availability on Google calendars you have access to",
};

export function scopeLabel(scope: string): string {
  return SCOPE_LABELS[scope] ?? scope;
}

/** Which scopes allow each kind of Calendar call (the "Authorization" section of each method's page). */
export const CALENDAR_ACCESS = {
  listCalendars: [SCOPES.calendar, SCOPES.calendarReadonly, SCOPES.calendarList, SCOPES.calendarListReadonly],
  createCalendar: [SCOPES.calendar, SCOPES.calendars, SCOPES.appCreated],
  readEvents: [
    SCOPES.calendar,
    SCOPES.calendarReadonly,
    SCOPES.events,
    SCOPES.eventsReadonly,
    SCOPES.eventsOwned,
    SCOPES.eventsOwnedReadonly,
  ],
  writeEvents: [SCOPES.calendar, SCOPES.events, SCOPES.eventsOwned],
} as const;

export type CalendarAccess = keyof typeof CALENDAR_ACCESS;
