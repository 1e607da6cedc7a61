import { Temporal } from "temporal-polyfill";

/** 20260105T090000Z, the form RFC 5545 uses for UTC date-times. */
export function formatUtcDateTime(epochMs: number): string {
  const utc = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO("UTC");
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(utc.year, 4)}${pad(utc.month)}${pad(utc.day)}T${pad(utc.hour)}${pad(utc.minute)}${pad(utc.second)}Z`;
}
