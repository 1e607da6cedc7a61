import type { Temporal } from "temporal-polyfill";
import { getZoneResolver } from "./get-zone-resolver.ts";

/**
 * The instant a wall-clock time means in a zone, as RFC 5545 reads DATE-TIME values:
 * a time skipped by a spring-forward gap moves forward by the gap (02:30 -> 03:30), a
 * time repeated at fall-back is the earlier of the two (Temporal's "compatible").
 */
export function resolveLocalDateTime(local: Temporal.PlainDateTime, timeZone: string): number {
  return getZoneResolver(timeZone).toInstant(local.toZonedDateTime("UTC").epochMilliseconds);
}
