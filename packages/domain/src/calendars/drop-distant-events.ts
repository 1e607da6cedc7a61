const DAY_MS = 86_400_000;
/** Two days either side cover any zone's offset and a floating time read in the person's zone. */
const SLACK_MS = 2 * DAY_MS;

/**
 * The calendar text without the one-off events that, by the dates written in them, end
 * well before `from` or start well after `to`. An exported calendar holds years of
 * history; parsing all of it into objects only to drop it costs most of a sync, in CPU and
 * in garbage collection pauses that hold up every other request. Whatever this cannot
 * judge from its text (a repeating or changed event, a DURATION, an unusual date) is kept
 * for the full reading, which decides as before.
 */
export function dropDistantEvents(text: string, range: { from: Date; to: Date }): string {
  const steps = dropDistantEventsInSteps(text, range);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Events read between two steps of dropDistantEventsInSteps. */
const EVENTS_PER_STEP = 500;

/**
 * dropDistantEvents as a generator: it yields after every few hundred events, so a caller
 * can let other work run in between (a file of years of history is read for tens of
 * milliseconds), and returns the text.
 */
export function* dropDistantEventsInSteps(
  text: string,
  { from, to }: { from: Date; to: Date },
): Generator<void, string> {
  // Long lines are folded onto lines starting with a space or tab (RFC 5545 3.1).
  const unfolded = text.replace(/\r?\n[ \t]/g, "");
  const events: { at: number; length: number; props: Map<string, string> }[] = [];
  for (const match of unfolded.matchAll(/^BEGIN:VEVENT\r?\n[\s\S]*?^END:VEVENT\r?\n?/gim)) {
    events.push({ at: match.index, length: match[0].length, props: propertiesOf(match[0]) });
    if (events.length % EVENTS_PER_STEP === 0) yield;
  }
  const changedSeries = new Set(events.flatMap(({ props }) => (props.has("RECURRENCE-ID") ? [props.get("UID")] : [])));
  const fromDay = dayKey(from.getTime() - SLACK_MS);
  const toDay = dayKey(to.getTime() + SLACK_MS);

  let kept = "";
  let copiedUpTo = 0;
  for (const { at, length, props } of events) {
    if (!isDistantOneOff(props, changedSeries, fromDay, toDay)) continue;
    kept += unfolded.slice(copiedUpTo, at);
    copiedUpTo = at + length;
  }
  return copiedUpTo === 0 ? unfolded : kept + unfolded.slice(copiedUpTo);
}

/** Property name (upper case, without parameters) to its first value. */
function propertiesOf(event: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const line of event.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const name = (line.slice(0, colon).split(";")[0] ?? "").toUpperCase();
    if (!props.has(name)) props.set(name, line.slice(colon + 1).trim());
  }
  return props;
}

function isDistantOneOff(
  props: Map<string, string>,
  changedSeries: Set<string | undefined>,
  fromDay: string,
  toDay: string,
) {
  if (["RRULE", "RDATE", "EXRULE", "RECURRENCE-ID", "DURATION"].some((name) => props.has(name))) return false;
  if (changedSeries.has(props.get("UID"))) return false;
  const start = basicDay(props.get("DTSTART"));
  const end = props.has("DTEND") ? basicDay(props.get("DTEND")) : start;
  if (!start || !end) return false;
  return end < fromDay || start > toDay;
}

/** "YYYYMMDD" from an iCalendar DATE or DATE-TIME value; undefined for anything else. */
function basicDay(value: string | undefined): string | undefined {
  return value && /^\d{8}(T\d{6}Z?)?$/.test(value) ? value.slice(0, 8) : undefined;
}

function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll("-", "");
}
