import { DateTime } from "luxon";

/** "2 minutes ago", "in 3 hours": how long ago a sync was, relative to `now`. */
export function timeAgo(date: Date, now: Date = new Date()): string {
  // A clock a second ahead of the server's must not say "in 1 second" for a sync just done.
  if (Math.abs(now.getTime() - date.getTime()) < 60_000) return "just now";
  return DateTime.fromJSDate(date).toRelative({ base: DateTime.fromJSDate(now), locale: "en" }) ?? "";
}
