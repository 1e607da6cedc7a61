import type { TodoistDue } from "./todoist-types.ts";

/**
 * What the fake understands of Todoist's recurring due strings, to move a closed recurring
 * task to its next occurrence as Todoist does (same task, new due date). Supported, in English,
 * case-insensitive, with an optional trailing " at <time>" (the time of a timed due is kept):
 *   every day | daily | every N days | every other day
 *   every week | weekly | every N weeks | every other week
 *   every weekday | every workday                (Monday to Friday)
 *   every monday[, wednesday ...]                (day names or mon/tue/...; "and" works too)
 *   every month | monthly | every N months       (same day of the month, clamped to its end)
 *   every year | yearly
 *   every! ... | ... after ...                   ("every!" counts from the completion day)
 * Anything else is reported as unsupported: closing such a task fails its command with a clear
 * message instead of guessing a date.
 */
export type Rule =
  | { kind: "days"; step: number; fromCompletion: boolean }
  | { kind: "weekdays"; days: number[]; fromCompletion: boolean }
  | { kind: "months"; step: number; fromCompletion: boolean };

const DAY_NAMES: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

export function parseRule(text: string): Rule | undefined {
  let rest = text.trim().toLowerCase().replace(/\s+/g, " ");
  rest = rest.replace(/ at \d{1,2}(:\d{2})? ?(am|pm)?$/, "").replace(/ at noon$/, "");
  let fromCompletion = false;
  if (rest.startsWith("every!")) {
    fromCompletion = true;
    rest = `every ${rest.slice("every!".length).trim()}`;
  } else if (rest.startsWith("after ")) {
    fromCompletion = true;
    rest = `every ${rest.slice("after ".length)}`;
  }
  const aliases: Record<string, string> = {
    daily: "every day",
    weekly: "every week",
    monthly: "every month",
    yearly: "every year",
    annually: "every year",
  };
  rest = aliases[rest] ?? rest;
  if (!rest.startsWith("every ")) return undefined;
  const body = rest.slice("every ".length).replace(/^other /, "2 ");

  const counted = /^(\d+ )?(day|days|week|weeks|month|months|year|years)$/.exec(body);
  if (counted) {
    const step = counted[1] ? Number(counted[1]) : 1;
    if (step < 1) return undefined;
    const unit = counted[2]?.replace(/s$/, "");
    if (unit === "day") return { kind: "days", step, fromCompletion };
    if (unit === "week") return { kind: "days", step: step * 7, fromCompletion };
    if (unit === "month") return { kind: "months", step, fromCompletion };
    return { kind: "months", step: step * 12, fromCompletion };
  }
  if (body === "weekday" || body === "workday") return { kind: "weekdays", days: [1, 2, 3, 4, 5], fromCompletion };
  const names = body.split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
  const days = names.map((name) => DAY_NAMES[name]);
  if (days.length > 0 && days.every((day) => day !== undefined)) {
    return { kind: "weekdays", days: [...new Set(days as number[])].sort(), fromCompletion };
  }
  return undefined;
}

export function isRecurringString(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return /^(every|after)\b|^every!|^(daily|weekly|monthly|yearly|annually)$/.test(lower);
}

/** Adds days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function addMonths(day: string, months: number, dayOfMonth: number): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, Math.min(dayOfMonth, lastDay)))
    .toISOString()
    .slice(0, 10);
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The first occurrence of the rule after `after` (a day), stepping from `anchor`. */
function nextDay(rule: Rule, anchor: string, after: string): string {
  if (rule.kind === "weekdays") {
    let day = addDays(after, 1);
    while (!rule.days.includes(weekday(day))) day = addDays(day, 1);
    return day;
  }
  const dayOfMonth = Number(anchor.slice(8, 10));
  let day = anchor;
  for (let step = 1; day <= after; step += 1) {
    day = rule.kind === "days" ? addDays(anchor, rule.step * step) : addMonths(anchor, rule.step * step, dayOfMonth);
  }
  return day;
}

/**
 * The due after closing a recurring task on `today` (the account's local day): the first
 * occurrence after the current due day that is not in the past (missed ones are skipped, so an
 * overdue daily task lands on today); with "every!", counted from today instead.
 */
export function advanceDue(due: TodoistDue, today: string): TodoistDue | undefined {
  const rule = parseRule(due.string);
  if (!rule) return undefined;
  let next: string;
  if (rule.fromCompletion) {
    next = nextDay(rule, today, today);
  } else {
    next = nextDay(rule, due.date, due.date);
    while (next < today) next = nextDay(rule, due.date, next);
  }
  return { ...due, date: next, ...(due.datetime ? { datetime: moveDatetime(due, next) } : {}) };
}

/** The same wall-clock time on another day, in the due's zone (UTC `...Z` form) or floating. */
function moveDatetime(due: TodoistDue, day: string): string {
  const datetime = due.datetime ?? "";
  if (!datetime.endsWith("Z") || !due.timezone) return `${day}${datetime.slice(10)}`;
  const wall = localParts(new Date(datetime), due.timezone);
  return zonedToUtc(day, wall.time, due.timezone)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
}

/** The local day and time (HH:MM:SS) of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** The instant a wall-clock time on a day has in a zone (two passes settle DST offsets). */
export function zonedToUtc(day: string, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}Z`);
  let instant = guess;
  for (let pass = 0; pass < 2; pass += 1) {
    const local = localParts(instant, timeZone);
    const shown = new Date(`${local.day}T${local.time}Z`);
    instant = new Date(instant.getTime() + (guess.getTime() - shown.getTime()));
  }
  return instant;
}
