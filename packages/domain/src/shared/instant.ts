import { z } from "zod";
import { DomainError } from "./errors.ts";

/**
 * The instants AgendaCraft accepts and stores: from the Unix epoch to the last
 * millisecond of the year 2999, UTC. PostgreSQL stores far more (4713 BC to 294276 AD),
 * but the Prisma client cannot read a timestamp after 9999-12-31 back (it becomes an
 * Invalid Date), and Temporal refuses instants past ±275760 years. Keeping every stored
 * date well inside those limits leaves room for what is derived from it (an end 480
 * minutes later, the next occurrence of a rule, a 90-day planning horizon).
 */
export const MIN_INSTANT = new Date("1970-01-01T00:00:00.000Z");
export const MAX_INSTANT = new Date("2999-12-31T23:59:59.999Z");
/** The same range as calendar days ("YYYY-MM-DD", compared as text). */
export const MIN_LOCAL_DATE = "1970-01-01";
export const MAX_LOCAL_DATE = "2999-12-31";

export const DATE_OUT_OF_RANGE_CODE = "common.date_out_of_range";
export const DATE_OUT_OF_RANGE_MESSAGE = `Use a date from ${MIN_LOCAL_DATE} to ${MAX_LOCAL_DATE}`;

/** A Prisma DateTime filter matching exactly the supported range, for reads that must skip anything else. */
export const INSTANT_IN_RANGE = { gte: MIN_INSTANT, lte: MAX_INSTANT } as const;

/** False for an Invalid Date and for anything outside [MIN_INSTANT, MAX_INSTANT]. */
export function isInstantInRange(value: Date): boolean {
  const epochMs = value instanceof Date ? value.getTime() : Number.NaN;
  return epochMs >= MIN_INSTANT.getTime() && epochMs <= MAX_INSTANT.getTime();
}

/** For "YYYY-MM-DD" text that is already known to be a real date. */
export function isLocalDateInRange(value: string): boolean {
  return value >= MIN_LOCAL_DATE && value <= MAX_LOCAL_DATE;
}

/**
 * Every date a caller sends (superjson Date) goes through this: a real Date inside the
 * supported range, refused otherwise as a field error with `common.date_out_of_range`.
 * `typeMessage` is what a non-date gets ("Give the start of the range as a date").
 */
export function zInstant(typeMessage = "Give a date") {
  return z.date(typeMessage).refine(isInstantInRange, {
    message: DATE_OUT_OF_RANGE_MESSAGE,
    params: { code: DATE_OUT_OF_RANGE_CODE },
  });
}
export const ZInstant = zInstant();

/** The error for a date computed from valid input that still leaves the range (start + minutes, the next occurrence). */
export function dateOutOfRange(field: string, message = DATE_OUT_OF_RANGE_MESSAGE): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: DATE_OUT_OF_RANGE_CODE,
    message,
    details: { field, min: MIN_INSTANT.toISOString(), max: MAX_INSTANT.toISOString() },
  });
}

/** Throws `common.date_out_of_range` (INVALID) unless `value` is null or inside the range. */
export function assertInstantInRange(value: Date | null | undefined, field: string, message?: string): void {
  if (value !== null && value !== undefined && !isInstantInRange(value)) throw dateOutOfRange(field, message);
}

/** The nearest supported instant (an Invalid Date has none: it stays invalid). */
export function clampInstant(value: Date): Date {
  const epochMs = value.getTime();
  if (Number.isNaN(epochMs)) return value;
  return new Date(Math.min(Math.max(epochMs, MIN_INSTANT.getTime()), MAX_INSTANT.getTime()));
}
