import { Temporal } from "temporal-polyfill";

const PLANNER_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:MM" from 00:00 to 23:59, or null. */
export function parsePlannerTime(text: string): Temporal.PlainTime | null {
  const match = typeof text === "string" ? PLANNER_TIME.exec(text) : null;
  if (!match) return null;
  return new Temporal.PlainTime(Number(match[1]), Number(match[2]));
}
