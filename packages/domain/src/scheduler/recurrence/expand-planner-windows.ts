import { DomainError, isDomainError } from "../../shared/errors.ts";
import { assertTimeZone } from "./assert-time-zone.ts";
import { checkInstant } from "./check-instant.ts";
import { collectOccurrences } from "./collect-occurrences.ts";
import { parseLocalDate } from "./parse-local-date.ts";
import { parsePlannerTime } from "./parse-planner-time.ts";
import { parseRuleParts } from "./parse-rule-parts.ts";

export type PlannerSpec = {
  id: string;
  recurrence: string;
  /** "YYYY-MM-DD" in the planner's zone: the first day the rule may open a window. */
  startDate: string;
  /** "HH:MM" in the planner's zone. */
  startTime: string;
  /** 1..1440, elapsed minutes (a window across a DST change is still this long). */
  minutes: number;
  timeZone: string;
  active: boolean;
};

export type PlannerWindow = { plannerId: string; start: Date; end: Date };

export type ExpandPlannerWindowsInput = { planners: PlannerSpec[]; from: Date; to: Date };

export const MAX_WINDOW_RANGE_DAYS = 400;
export const MAX_WINDOWS_PER_PLANNER = 5000;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Every window of the active planners that overlaps [from, to), unclipped, sorted by
 * start and then planner id. The rule is only walked near the range, not from startDate.
 */
export function expandPlannerWindows({ planners, from, to }: ExpandPlannerWindowsInput): PlannerWindow[] {
  const fromMs = checkInstant(from, "from");
  const toMs = checkInstant(to, "to");
  if (toMs < fromMs) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.invalid_window_range",
      message: "The end of the range must not be before its start",
    });
  }
  if (toMs - fromMs > MAX_WINDOW_RANGE_DAYS * DAY_MS) {
    throw rangeTooLong(`Planner windows can be listed for at most ${MAX_WINDOW_RANGE_DAYS} days at a time`, {
      maxDays: MAX_WINDOW_RANGE_DAYS,
    });
  }
  if (toMs === fromMs) return [];

  const windows = planners.filter((planner) => planner.active).flatMap((planner) => expandOne(planner, fromMs, toMs));
  return windows.sort(compareWindows);
}

/** The order windows are returned in: by start, then planner id. */
export function compareWindows(a: PlannerWindow, b: PlannerWindow): number {
  return a.start.getTime() - b.start.getTime() || (a.plannerId < b.plannerId ? -1 : a.plannerId > b.plannerId ? 1 : 0);
}

function expandOne(planner: PlannerSpec, fromMs: number, toMs: number): PlannerWindow[] {
  const { id: plannerId, minutes, timeZone } = planner;
  try {
    const parts = parseRuleParts(planner.recurrence);
    assertTimeZone(timeZone);
    const date = parseLocalDate(planner.startDate);
    if (!date)
      throw invalidPlanner("scheduler.invalid_date", "The planner's start date must be a date like 2026-03-23");
    const time = parsePlannerTime(planner.startTime);
    if (!time)
      throw invalidPlanner("scheduler.invalid_time", "The planner's start time must be a time from 00:00 to 23:59");
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      throw invalidPlanner("scheduler.invalid_minutes", "A planner window lasts from 1 to 1440 minutes");
    }
    const durationMs = minutes * MINUTE_MS;
    const starts = collectOccurrences({
      parts,
      dtstart: date.toPlainDateTime(time),
      timeZone,
      // A window that opened before `from` and is still open overlaps the range.
      after: fromMs - durationMs,
      before: toMs,
      limit: MAX_WINDOWS_PER_PLANNER + 1,
    });
    if (starts.length > MAX_WINDOWS_PER_PLANNER) {
      throw rangeTooLong(`A planner can open at most ${MAX_WINDOWS_PER_PLANNER} windows in one range`, {
        maxWindows: MAX_WINDOWS_PER_PLANNER,
      });
    }
    return starts.map((start) => ({ plannerId, start: new Date(start), end: new Date(start + durationMs) }));
  } catch (error) {
    // Several planners are expanded at once, so the caller needs to know which one is broken.
    if (!isDomainError(error)) throw error;
    throw new DomainError({
      kind: error.kind,
      code: error.code,
      message: error.message,
      details: { ...error.details, plannerId },
      cause: error,
    });
  }
}

function invalidPlanner(code: string, message: string): DomainError {
  return new DomainError({ kind: "INVALID", code, message });
}

function rangeTooLong(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError({ kind: "INVALID", code: "scheduler.window_range_too_long", message, details });
}
