import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { clampInstant, MAX_INSTANT, MIN_INSTANT } from "../shared/instant.ts";
import { yieldToEventLoop } from "../shared/yield-to-event-loop.ts";
import { feedInvalid } from "./calendars-errors.ts";
import { dropDistantEventsInSteps } from "./drop-distant-events.ts";

/** One occurrence of a calendar event, in UTC: what a BusyEvent row stores. */
export type BusyOccurrence = { uid: string; summary: string; start: Date; end: Date };

/** A guard against rules like FREQ=MINUTELY: expansion stops here, even short of the window. */
const MAX_STEPS_PER_EVENT = 20_000;
/**
 * More than this in the synced 97 days (some 20 a day) is not a calendar a person keeps,
 * and twenty of them are what a plan has to read and go around.
 */
export const MAX_OCCURRENCES_PER_FEED = 2000;
/** An occurrence moved into the window from one this far after it is still found. */
const MOVED_SLACK_MS = 31 * 86_400_000;
const DAY_MS = 86_400_000;
const MAX_SUMMARY = 500;
/** Years past these are read as "beyond the supported range" before any date arithmetic can overflow. */
const FIRST_YEAR = MIN_INSTANT.getUTCFullYear() - 1;
const LAST_YEAR = MAX_INSTANT.getUTCFullYear() + 1;
/**
 * Longer than the whole supported range, so a capped event still ends past it (and is
 * clipped there). ical.js takes seconds to add a DURATION of millions of weeks, once per
 * occurrence, so a hostile feed could stall the sync; capped, it is instant.
 */
const MAX_DURATION_SECONDS = 1100 * 366 * 86_400;

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;
type IcalComponent = InstanceType<typeof ICAL.Component>;

/**
 * The busy occurrences overlapping [from, to) of an iCalendar text: recurring events
 * expanded (RRULE, RDATE, EXDATE, instances moved or changed by RECURRENCE-ID), free
 * (TRANSP:TRANSPARENT) and cancelled ones left out. Times with a TZID use the file's
 * VTIMEZONE, else the IANA zone of that name; all-day events and floating times are
 * read in `timeZone` (the person's), so an all-day event is busy from their midnight
 * to the next. Throws `calendars.feed_invalid` for text that is not iCalendar.
 */
export function expandBusyEvents(input: ExpandBusyEventsInput): BusyOccurrence[] {
  const expansion = startExpansion(input);
  for (const _event of expansion.steps) {
    // Each step reads one event; all of them at once here.
  }
  return expansion.result();
}

/**
 * The same as expandBusyEvents, a slice of events per turn of the event loop: a calendar
 * of several megabytes takes a second or more to read, which would otherwise hold up
 * every other request of the process at once.
 */
export async function expandBusyEventsInTurns(
  input: ExpandBusyEventsInput,
  { turnMs = TURN_MS }: { turnMs?: number } = {},
): Promise<BusyOccurrence[]> {
  const expansion = startExpansion(input);
  let sliceStart = performance.now();
  for (const _event of expansion.steps) {
    if (performance.now() - sliceStart < turnMs) continue;
    await yieldToEventLoop();
    sliceStart = performance.now();
  }
  return expansion.result();
}

/** How long one slice of reading a calendar may keep the event loop. */
const TURN_MS = 20;

type ExpandBusyEventsInput = { text: string; from: Date; to: Date; timeZone: string };

function startExpansion({ text, from, to, timeZone }: ExpandBusyEventsInput): {
  steps: Iterable<void>;
  result(): BusyOccurrence[];
} {
  const found = new Map<string, BusyOccurrence>();
  const add = (occurrence: BusyOccurrence | null) => {
    if (!occurrence || found.has(occurrence.uid)) return;
    if (occurrence.start >= to || occurrence.end <= from) return;
    found.set(occurrence.uid, occurrence);
    if (found.size > MAX_OCCURRENCES_PER_FEED) {
      throw feedInvalid(`it has more than ${MAX_OCCURRENCES_PER_FEED} events in the synced period`);
    }
  };
  const expandOne = (uid: string, component: IcalComponent, related: IcalComponent[]) => {
    for (const part of [component, ...related]) capDuration(part);
    const event = new ICAL.Event(component, { exceptions: related, strictExceptions: false });
    const zoneName = component.getFirstProperty("dtstart")?.getParameter("tzid") as string | undefined;
    const convert = (time: IcalTime) => toInstant(time, zoneName, timeZone);
    if (!event.isRecurring()) {
      add(
        toOccurrence(
          `${uid}#${convert(event.startDate).toISOString()}`,
          event,
          event.startDate,
          event.endDate,
          convert,
        ),
      );
      return;
    }
    const until = to.getTime() + MOVED_SLACK_MS;
    // A series with no changed instances: an occurrence is its recurrence id plus the
    // series' length (give or take a DST hour), so one that ends before the window is
    // skipped without reading its details, the costly part of walking years of a series.
    const unchanged = related.length === 0 && event.rangeExceptions.length === 0;
    const skipBefore = from.getTime() - seriesLengthMs(event, convert) - DAY_MS;
    const iterator = event.iterator();
    for (let step = 0; step < MAX_STEPS_PER_EVENT; step++) {
      const next = iterator.next();
      if (!next) break;
      const recurrenceId = convert(next);
      if (recurrenceId.getTime() >= until) break;
      if (unchanged && recurrenceId.getTime() < skipBefore) continue;
      const details = event.getOccurrenceDetails(next);
      add(
        toOccurrence(`${uid}#${recurrenceId.toISOString()}`, details.item, details.startDate, details.endDate, convert),
      );
    }
  };

  const guarded = (uid: string, component: IcalComponent, related: IcalComponent[]) => {
    try {
      expandOne(uid, component, related);
    } catch (error) {
      if (error instanceof Error && error.name === "DomainError") throw error;
      throw feedInvalid("an event in it could not be read", error);
    }
  };

  // Each long piece of work (dropping history, parsing, each event) is one step.
  function* steps(): Generator<void> {
    if (!/^\s*BEGIN:VCALENDAR/i.test(text)) throw feedInvalid("it does not start with BEGIN:VCALENDAR");
    const kept = yield* dropDistantEventsInSteps(text, { from, to });
    const root = parseCalendar(kept);
    yield;
    // Events are indexed from the parsed arrays (jCal): turning each into ical.js objects
    // costs more than everything else for a file of years of history.
    const masters = new Map<string, RawEvent>();
    const exceptions = new Map<string, RawEvent[]>();
    (root.jCal[2] as RawEvent[]).forEach((raw, index) => {
      if (raw[0] !== "vevent") return;
      const uid = String(rawValue(raw, "uid") ?? `no-uid-${index}`);
      if (rawValue(raw, "recurrence-id") !== undefined) {
        exceptions.set(uid, [...(exceptions.get(uid) ?? []), raw]);
      } else if (!masters.has(uid)) {
        masters.set(uid, raw);
      }
    });
    const component = (raw: RawEvent) => new ICAL.Component(raw, root);
    for (const [uid, raw] of masters) {
      guarded(uid, component(raw), (exceptions.get(uid) ?? []).map(component));
      yield;
    }
    // A changed instance whose series is not in the file: on its own it is still busy time.
    for (const [uid, orphans] of exceptions) {
      if (masters.has(uid)) continue;
      for (const orphan of orphans) {
        guarded(uid, component(orphan), []);
        yield;
      }
    }
  }
  return {
    steps: steps(),
    result: () =>
      [...found.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid)),
  };
}

/** A VEVENT as ical.js parses it: `["vevent", [[name, params, type, value], ...], [subcomponents]]`. */
type RawEvent = [string, unknown[][], unknown[]];

/** The first value of a property, as parsed (a string for dates and text); undefined when absent. */
function rawValue(raw: RawEvent, name: string): unknown {
  const property = raw[1].find((entry) => entry[0] === name);
  return property ? (property[3] ?? null) : undefined;
}

/** How long each occurrence of a series lasts, from its first; 0 for one without an end. */
function seriesLengthMs(event: IcalEvent, convert: (time: IcalTime) => Date): number {
  const end = event.endDate;
  return end ? Math.max(0, convert(end).getTime() - convert(event.startDate).getTime()) : 0;
}

function parseCalendar(text: string): IcalComponent {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) throw feedInvalid("it does not start with BEGIN:VCALENDAR");
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    throw feedInvalid("it could not be parsed", error);
  }
  // Several top-level components parse to a list of them; the calendar is the first.
  const first = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
  const root = new ICAL.Component(first as unknown[]);
  if (root.name !== "vcalendar") throw feedInvalid("it holds no VCALENDAR");
  return root;
}

function capDuration(component: IcalComponent): void {
  const duration = component.getFirstPropertyValue("duration");
  if (duration instanceof ICAL.Duration && duration.toSeconds() > MAX_DURATION_SECONDS) {
    component.updatePropertyWithValue("duration", ICAL.Duration.fromSeconds(MAX_DURATION_SECONDS));
  }
}

function toOccurrence(
  uid: string,
  item: IcalEvent,
  startTime: IcalTime,
  endTime: IcalTime | null,
  convert: (time: IcalTime) => Date,
): BusyOccurrence | null {
  const component = item.component;
  if (String(component.getFirstPropertyValue("transp") ?? "").toUpperCase() === "TRANSPARENT") return null;
  if (String(component.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED") return null;
  // Stored busy time stays inside the supported date range: an event reaching past it
  // (a DTEND in the year 10000) is cut at the range's edge rather than breaking every read.
  const start = clampInstant(convert(startTime));
  let end = endTime ? clampInstant(convert(endTime)) : start;
  if (startTime.isDate && end <= start) {
    // An all-day event without an end lasts its one day (RFC 5545 3.6.1).
    const next = startTime.clone();
    next.adjust(1, 0, 0, 0);
    end = clampInstant(convert(next));
  }
  // An instant (no DTEND, no DURATION) takes no time to plan around.
  if (end <= start) return null;
  const summary = (item.summary ?? "").trim().slice(0, MAX_SUMMARY) || "Busy";
  return { uid, summary, start, end };
}

function toInstant(time: IcalTime, zoneName: string | undefined, personZone: string): Date {
  // Past the range; the exact instant does not matter, as it is clamped to the range's edge.
  if (time.year > LAST_YEAR) return new Date(MAX_INSTANT.getTime() + 1);
  if (time.year < FIRST_YEAR) return new Date(MIN_INSTANT.getTime() - 1);
  if (time.isDate) return new Date(localToEpoch(time, personZone));
  const tzid = time.zone?.tzid;
  // UTC, or a zone the file defines in a VTIMEZONE: ical.js knows the offsets.
  if (tzid && tzid !== "floating") return time.toJSDate();
  // Floating: a TZID without a VTIMEZONE (read as an IANA name), or no zone at all.
  const named = (time as IcalTime & { timezone?: string }).timezone ?? zoneName;
  return new Date(localToEpoch(time, named && isIanaZone(named) ? named : personZone));
}

function localToEpoch(time: IcalTime, timeZone: string): number {
  return Temporal.PlainDateTime.from({
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : Math.min(time.second, 59),
  }).toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds;
}

const zoneCache = new Map<string, boolean>();
function isIanaZone(name: string): boolean {
  let known = zoneCache.get(name);
  if (known === undefined) {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name);
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(name, known);
  }
  return known;
}
