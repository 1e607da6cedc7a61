import { RRuleTemporal } from "rrule-temporal";
import { Temporal } from "temporal-polyfill";
import { formatRuleParts } from "./format-rule-parts.ts";
import { getZoneResolver } from "./get-zone-resolver.ts";
import type { Frequency, RuleParts } from "./parse-rule-parts.ts";

export type OccurrenceQuery = {
  parts: RuleParts;
  /** DTSTART as a wall-clock time in `timeZone`. */
  dtstart: Temporal.PlainDateTime;
  /** A zone already checked with assertTimeZone. */
  timeZone: string;
  /** Keep only occurrences strictly after this instant (epoch ms). */
  after?: number;
  /** Keep only occurrences strictly before this instant (epoch ms). */
  before?: number;
  limit: number;
  /** For a series re-anchored at a later DTSTART, where the caller tracks COUNT itself. */
  ignoreCount?: boolean;
};

// The rule is expanded on wall-clock time in a zone without DST and each local result is
// then placed in the real zone. The library, expanding in a real zone, drops times that a
// spring-forward gap skips (RFC 5545 3.3.10); a planner at 02:30 must still happen that
// day, at 03:30, as RFC 5545 3.3.5 reads a DATE-TIME that falls into a gap.
const FRAME = "UTC";
// A local time can resolve up to a day away from its wall-clock reading (a gap shifts it
// forward; Pacific/Apia skipped a whole day), so the wall-clock search range is padded
// and the exact bounds are applied to the resolved instants.
const MARGIN_DAYS = 2;
// How far ahead to look for the next occurrence: far enough for sparse rules people
// plan with (Feb 29 every four years), near enough that a rule that can never match again
// gives up quickly. DAILY steps through a period per day, so it gets fewer years.
const HORIZON_DAYS: Record<Frequency, number> = {
  DAILY: 30 * 366,
  WEEKLY: 200 * 366,
  MONTHLY: 200 * 366,
  YEARLY: 200 * 366,
};
const DAYS_PER_PERIOD: Record<Frequency, number> = { DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 };
// Enough periods for every horizon above (the library's default is 10,000).
const MAX_PERIODS = 20_000;

type WallClockOccurrence = { readonly epochMilliseconds: number };

/**
 * The occurrences of a rule as ascending epoch milliseconds, honouring COUNT, UNTIL and
 * EXDATE, at most `limit` of them. There is at most one occurrence per local day (the
 * subset has no sub-daily parts), so results ascend with their wall-clock times and the
 * walk can stop at the first one past a bound.
 */
export function collectOccurrences(query: OccurrenceQuery): number[] {
  const { parts, dtstart, timeZone, after, before, limit } = query;
  const found: number[] = [];
  if (limit <= 0) return found;

  const useCount = parts.count !== null && !query.ignoreCount;
  const start = dtstart.toZonedDateTime(FRAME);
  const rule = new RRuleTemporal({
    rruleString: formatRuleParts({ ...parts, until: null, count: useCount ? parts.count : null }),
    dtstart: start,
    maxIterations: MAX_PERIODS,
  });
  const zone = getZoneResolver(timeZone);
  const exdates = new Set(parts.exdates);
  // Wall-clock bounds are compared as epoch milliseconds read as if UTC, which keeps
  // Temporal objects (slow in the polyfill) out of the per-occurrence loop.
  const untilWall =
    parts.until?.kind === "date" ? parts.until.date.add({ days: 1 }).toZonedDateTime(FRAME).epochMilliseconds : null;
  let lastWall = Number.NEGATIVE_INFINITY;
  let lastInstant = Number.NEGATIVE_INFINITY;

  /** Takes one wall-clock occurrence; false once nothing later can qualify. */
  const visit = (occurrence: WallClockOccurrence): boolean => {
    const wall = occurrence.epochMilliseconds;
    if (wall <= lastWall) return true;
    lastWall = wall;
    if (untilWall !== null && wall >= untilWall) return false;
    const instant = zone.toInstant(wall);
    if (parts.until?.kind === "instant" && instant > parts.until.epochMs) return false;
    if (before !== undefined && instant >= before) return false;
    // A calendar day a zone skipped entirely resolves onto the next day's occurrence.
    if (instant <= lastInstant) return true;
    lastInstant = instant;
    if (after !== undefined && instant <= after) return true;
    if (exdates.has(instant)) return true;
    found.push(instant);
    return found.length < limit;
  };

  if (useCount) {
    // COUNT is counted from DTSTART, so the series is walked from there; COUNT <= 1000 keeps it short.
    walkUnlessExhausted(() => rule.all((occurrence) => visit(occurrence)));
    return found;
  }

  const wallClock = (epochMs: number) =>
    Temporal.Instant.fromEpochMilliseconds(zone.toWall(epochMs)).toZonedDateTimeISO(FRAME);
  let from = start;
  if (after !== undefined) {
    const nearAfter = wallClock(after).subtract({ days: MARGIN_DAYS });
    if (Temporal.ZonedDateTime.compare(nearAfter, from) > 0) from = nearAfter;
  }
  const horizon = HORIZON_DAYS[parts.freq];
  const ends = [from.add({ days: horizon })];
  if (before !== undefined) ends.push(wallClock(before).add({ days: MARGIN_DAYS }));
  if (parts.until?.kind === "instant") ends.push(wallClock(parts.until.epochMs).add({ days: MARGIN_DAYS }));
  if (untilWall !== null) ends.push(Temporal.Instant.fromEpochMilliseconds(untilWall).toZonedDateTimeISO(FRAME));
  const end = ends.reduce((a, b) => (Temporal.ZonedDateTime.compare(a, b) <= 0 ? a : b));

  // A bounded range is one query; an open one grows until `limit` occurrences are found.
  let days = Math.min(horizon, Math.max(32, limit * parts.interval * DAYS_PER_PERIOD[parts.freq]));
  let done = false;
  while (!done && Temporal.ZonedDateTime.compare(from, end) < 0) {
    const grown = from.add({ days });
    const to = before !== undefined || Temporal.ZonedDateTime.compare(grown, end) > 0 ? end : grown;
    const finished = !walkUnlessExhausted(() => {
      for (const occurrence of rule.between(from, to, true)) {
        if (!visit(occurrence)) {
          done = true;
          return;
        }
      }
    });
    done ||= finished;
    from = to;
    days = Math.min(horizon, days * 2);
  }
  return found;
}

/**
 * The library gives up with this error when a rule cannot match again for a long time
 * (BYSETPOS=5 on a weekday that rarely has five); that just ends the series. False then.
 */
function walkUnlessExhausted(walk: () => void): boolean {
  try {
    walk();
    return true;
  } catch (error) {
    if (error instanceof Error && /^Maximum (iterations|candidate evaluations)/.test(error.message)) return false;
    throw error;
  }
}
