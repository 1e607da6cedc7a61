import { Temporal } from "temporal-polyfill";
import { DomainError } from "../../shared/errors.ts";

/** Callers validate IANA names; this turns whatever still slips through into a domain error. */
export function assertTimeZone(timeZone: string): void {
  try {
    if (typeof timeZone !== "string") throw new TypeError("time zone must be a string");
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
  } catch (cause) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.unknown_time_zone",
      message: `Unknown time zone "${String(timeZone)}": use an IANA name such as Europe/Berlin`,
      details: { timeZone: String(timeZone) },
      cause,
    });
  }
}
