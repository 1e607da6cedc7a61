import type { Prisma } from "@agendacraft/db/prisma";
import type { plannerSelect } from "./planner.select.ts";
import type { PlannerDto } from "./schemas.ts";

type PlannerRow = Prisma.PlannerGetPayload<{ select: typeof plannerSelect }>;

/**
 * `startDate` is a calendar date in the planner's zone, stored as a DATE column that
 * Prisma hands over as UTC midnight; on the wire it is "YYYY-MM-DD", never an instant
 * a client could shift into its own zone.
 */
export function toPlannerDto(row: PlannerRow): PlannerDto {
  return { ...row, startDate: row.startDate.toISOString().slice(0, 10) };
}

/** "YYYY-MM-DD" as the UTC-midnight Date a DATE column stores. */
export function toDateColumn(localDate: string): Date {
  return new Date(`${localDate}T00:00:00.000Z`);
}
