import { getZoneResolver } from "../recurrence/get-zone-resolver.ts";

const DAY_MS = 86_400_000;

/** One calendar day in a person's zone: its date ("2026-12-01") and the instants it starts and ends. */
export type LocalDay = { date: string; start: Date; end: Date };

/**
 * `count` consecutive local days in `timeZone`, the first being the day that contains `at`.
 * Days are 23 or 25 hours long across DST changes, so they are computed from wall-clock
 * midnights, not by adding 24 hours.
 */
export function listLocalDays({ at, count, timeZone }: { at: Date; count: number; timeZone: string }): LocalDay[] {
  const zone = getZoneResolver(timeZone);
  const firstWall = Math.floor(zone.toWall(at.getTime()) / DAY_MS) * DAY_MS;
  return Array.from({ length: count }, (_, index) => {
    const wall = firstWall + index * DAY_MS;
    return {
      date: new Date(wall).toISOString().slice(0, 10),
      start: new Date(zone.toInstant(wall)),
      end: new Date(zone.toInstant(wall + DAY_MS)),
    };
  });
}
