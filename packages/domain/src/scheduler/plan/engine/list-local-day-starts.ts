import { getZoneResolver } from "../../recurrence/get-zone-resolver.ts";

const DAY_MS = 86_400_000;

/**
 * The instants local days begin in a zone, from the day containing `from` through the
 * first start after `to`, so every instant in [from, to) has its day's start and end.
 * Days are 23 or 25 hours long across DST changes; a midnight skipped by a gap starts
 * the day when the clock resumes.
 */
export function listLocalDayStarts(from: number, to: number, timeZone: string): number[] {
  const zone = getZoneResolver(timeZone);
  let wall = Math.floor(zone.toWall(from) / DAY_MS) * DAY_MS;
  const starts = [zone.toInstant(wall)];
  while ((starts[starts.length - 1] ?? to) <= to) {
    wall += DAY_MS;
    starts.push(zone.toInstant(wall));
  }
  return starts;
}
