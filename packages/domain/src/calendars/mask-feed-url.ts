/** A last path segment longer than this may itself be the secret ("/8f3a…e1.ics"), so it is hidden too. */
const MAX_SHOWN_SEGMENT = 24;

/**
 * What a person sees of a secret calendar address: enough to recognise it, not enough to
 * read the calendar. `https://calendar.google.com/calendar/ical/me%40x/private-abc/basic.ics`
 * becomes `https://calendar.google.com/…/basic.ics`; the query string is always dropped.
 */
export function maskFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "…";
  }
  const last = parsed.pathname.split("/").filter(Boolean).at(-1) ?? "";
  const shown = last.length > 0 && last.length <= MAX_SHOWN_SEGMENT ? last : "";
  return `${parsed.origin}/…${shown ? `/${shown}` : ""}`;
}
