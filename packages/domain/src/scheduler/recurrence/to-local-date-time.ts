import { Temporal } from "temporal-polyfill";
import { getZoneResolver } from "./get-zone-resolver.ts";

/** The wall-clock reading of an instant in a zone (the zone must already be checked). */
export function toLocalDateTime(epochMs: number, timeZone: string): Temporal.PlainDateTime {
  const wallMs = getZoneResolver(timeZone).toWall(epochMs);
  return Temporal.Instant.fromEpochMilliseconds(wallMs).toZonedDateTimeISO("UTC").toPlainDateTime();
}
