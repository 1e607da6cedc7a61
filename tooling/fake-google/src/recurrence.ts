import type { FakeCalendar, GoogleEvent } from "./calendar-types.ts";
import { type EventDateTime, instantOf, localToUtc, wallClock, withOffset } from "./event-times.ts";

/** Endless series are expanded this far, as a bound on the fake's work (Google has its own). */
const MAX_INSTANCES = 730;
const FREQUENCIES = new Set(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

type Rule = { freq: string; interval: number; count?: number; until?: number; byDay?: number[] };

export function isSupportedRecurrence(recurrence: string[]): boolean {
  const rule = recurrence.find((line) => line.startsWith("RRULE:"));
  return rule === undefined || parseRule(rule) !== undefined;
}

/**
 * The instances of a recurring event, as events.list with singleEvents=true shows them: ids
 * `<series id>_<original start>`, `recurringEventId`, `originalStartTime`. Supports RRULE FREQ
 * DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT, UNTIL and (weekly) BYDAY, plus EXDATE;
 * times repeat on the wall clock of the event's zone, so they stay put across DST.
 */
export function expandSeries(series: GoogleEvent, calendar: FakeCalendar): GoogleEvent[] {
  const ruleLine = series.recurrence?.find((line) => line.startsWith("RRULE:"));
  const rule = ruleLine ? parseRule(ruleLine) : undefined;
  if (!rule) return [];
  const allDay = series.start.date !== undefined;
  const timeZone = series.start.timeZone ?? calendar.timeZone;
  const firstStart = instantOf(series.start, timeZone);
  const duration = instantOf(series.end, timeZone) - firstStart;
  const firstLocal = allDay ? `${series.start.date}T00:00:00` : wallClock(firstStart, timeZone);
  const excluded = new Set(
    (series.recurrence ?? []).filter((line) => line.startsWith("EXDATE")).flatMap((line) => exdates(line, timeZone)),
  );
  const instances: GoogleEvent[] = [];
  for (const local of occurrences(firstLocal, rule)) {
    const start = localToUtc(local, allDay ? "UTC" : timeZone);
    if (rule.until !== undefined && start > rule.until) break;
    const startInstant = allDay ? localToUtc(local, timeZone) : start;
    if (excluded.has(startInstant)) continue;
    const originalStartTime: EventDateTime = allDay
      ? { date: local.slice(0, 10) }
      : { dateTime: withOffset(start, timeZone), timeZone };
    const end: EventDateTime = allDay
      ? { date: new Date(start + duration).toISOString().slice(0, 10) }
      : { dateTime: withOffset(start + duration, timeZone), timeZone };
    const { recurrence: _series, ...fields } = series;
    instances.push({
      ...fields,
      id: `${series.id}_${instanceSuffix(local, start, allDay)}`,
      recurringEventId: series.id,
      originalStartTime,
      start: originalStartTime,
      end,
    });
  }
  return instances;
}

/** Google's instance id suffix: the original start in UTC (`20261207T080000Z`), or the date for all-day series. */
function instanceSuffix(local: string, start: number, allDay: boolean): string {
  if (allDay) return local.slice(0, 10).replaceAll("-", "");
  return `${new Date(start).toISOString().slice(0, 19).replaceAll("-", "").replaceAll(":", "")}Z`;
}

function* occurrences(firstLocal: string, rule: Rule): Generator<string> {
  const [date = "", time = "00:00:00"] = firstLocal.split("T");
  const first = new Date(`${date}T00:00:00Z`);
  let emitted = 0;
  const limit = Math.min(rule.count ?? MAX_INSTANCES, MAX_INSTANCES);
  for (let period = 0; emitted < limit && period < MAX_INSTANCES * 4; period += 1) {
    for (const day of daysOfPeriod(first, rule, period)) {
      if (day < first) continue;
      if (emitted >= limit) return;
      emitted += 1;
      yield `${day.toISOString().slice(0, 10)}T${time}`;
    }
  }
}

function daysOfPeriod(first: Date, rule: Rule, period: number): Date[] {
  const step = period * rule.interval;
  const shifted = (years: number, months: number, days: number) =>
    new Date(Date.UTC(first.getUTCFullYear() + years, first.getUTCMonth() + months, first.getUTCDate() + days));
  switch (rule.freq) {
    case "DAILY":
      return [shifted(0, 0, step)];
    case "WEEKLY": {
      // Weeks start on Sunday here (WKST is not read); a week's days come in weekday order.
      const sunday = step * 7 - first.getUTCDay();
      return [...(rule.byDay ?? [first.getUTCDay()])]
        .sort((a, b) => a - b)
        .map((weekday) => shifted(0, 0, sunday + weekday));
    }
    case "MONTHLY": {
      const day = shifted(0, step, 0);
      // The 31st does not happen in a 30-day month (RFC 5545): that month has no instance.
      return day.getUTCDate() === first.getUTCDate() ? [day] : [];
    }
    default: {
      const day = shifted(step, 0, 0);
      return day.getUTCDate() === first.getUTCDate() ? [day] : [];
    }
  }
}

function parseRule(line: string): Rule | undefined {
  const parts = Object.fromEntries(
    line
      .slice("RRULE:".length)
      .split(";")
      .map((part) => part.split("=") as [string, string]),
  );
  const freq = parts.FREQ;
  if (!freq || !FREQUENCIES.has(freq)) return undefined;
  const known = new Set(["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST"]);
  if (Object.keys(parts).some((key) => !known.has(key))) return undefined;
  const rule: Rule = { freq, interval: parts.INTERVAL ? Number(parts.INTERVAL) : 1 };
  if (!Number.isInteger(rule.interval) || rule.interval < 1) return undefined;
  if (parts.COUNT) rule.count = Number(parts.COUNT);
  if (parts.UNTIL) rule.until = parseBasic(parts.UNTIL, "UTC");
  if (parts.BYDAY) {
    if (freq !== "WEEKLY") return undefined;
    rule.byDay = parts.BYDAY.split(",").map((day: string) => WEEKDAYS.indexOf(day));
    if (rule.byDay.some((day) => day < 0)) return undefined;
  }
  return rule;
}

/** `EXDATE;TZID=Europe/Berlin:20261208T090000,...`, `EXDATE:20261208T080000Z`, `EXDATE;VALUE=DATE:20261208`. */
function exdates(line: string, timeZone: string): number[] {
  const [head = "", values = ""] = line.split(":");
  const zone = /TZID=([^;:]+)/.exec(head)?.[1] ?? timeZone;
  return values.split(",").map((value) => parseBasic(value, zone));
}

/** iCalendar basic format (`20261208T090000Z`, `20261208T090000`, `20261208`) to UTC milliseconds. */
function parseBasic(value: string, timeZone: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h = "00", mi = "00", s = "00", z] = match;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  return z ? Date.parse(`${local}Z`) : localToUtc(local, timeZone);
}
