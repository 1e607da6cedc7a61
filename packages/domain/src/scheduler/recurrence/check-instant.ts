import { DomainError } from "../../shared/errors.ts";

/** Epoch milliseconds of a Date that must be a real instant; `name` is the input's name for the message. */
export function checkInstant(value: Date, name: string): number {
  const epochMs = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(epochMs)) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.invalid_date",
      message: `${name} is not a valid date`,
      details: { field: name },
    });
  }
  return epochMs;
}
