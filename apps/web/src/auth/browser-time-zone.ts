/** The browser's time zone, so the week view and reminders are right from the first minute. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
