import { Temporal } from "temporal-polyfill";
import { listOccurrences, parseRecurrence, type RecurrenceAnchor } from "../../scheduler/recurrence/index.ts";
import { isDomainError } from "../../shared/errors.ts";
import { parseTodoistDate } from "./parse-todoist-date.ts";
import { readTodoistDue, type TodoistDue } from "./read-todoist-due.ts";
import { type ClockTime, splitTodoistRecurrence, type TodoistEnding } from "./split-todoist-recurrence.ts";
import { todoistCoreRule } from "./todoist-core-rule.ts";
import { countOf } from "./todoist-words.ts";

export type MapTodoistRecurrenceInput = {
  /** Todoist's `due.string`, as the person typed it: "every! 2 weeks on mon, wed at 9am". */
  text: string;
  due: TodoistDue;
  /** The person's IANA zone, for dues without a fixed `timezone` of their own. */
  zone: string;
};

export type TodoistRecurrenceMapping =
  | {
      ok: true;
      /** Canonical RRULE value ("FREQ=MONTHLY;BYDAY=3FR"), valid for the scheduler's recurrence module. */
      rrule: string;
      /** "completion" for Todoist's "every!": the next date counts from the day the task is done. */
      anchor: RecurrenceAnchor;
      /**
       * The first occurrence: Todoist's next due at its time (or the text's), else the local day's
       * start. Kept as Todoist has it even when moved by hand off the pattern, as Todoist does.
       */
      dtstart: Date;
      /** True when neither Todoist nor the text gives a time of day. */
      allDay: boolean;
      /** The zone the rule repeats in (the due's own, else the person's). */
      timeZone: string;
    }
  | { ok: false; reason: string };

/**
 * Maps a Todoist recurring due string to an RRULE, or says in words why it cannot, so the
 * import lists it instead of dropping it. Pure: no I/O, no clock (the due carries the date).
 *
 * Read (case-insensitive, "ev" for "every", "every!"/"ev!" = from completion):
 * every day / daily, every N days|weeks|months|years, every other day|week|month|year,
 * every weekday / workday, every weekend (Saturday, as Todoist), every mon, wed / every
 * monday and friday, every other friday, every 2 weeks on mon, wed, every 15th / every 27,
 * every 1st and 15th, every last day, every 2 months on the 15th, every 3rd friday,
 * every last friday, every 1st workday / last workday, every jan 1 / every january 1st /
 * every 27th jan, every morning|afternoon|evening|night, a time ("at 9am", "14:30"),
 * "starting <date>", "until|ending <date>", "for N days|weeks|months|years".
 * Not read (listed with a reason): hourly repeats, several times a day, "!" after the
 * pattern, and anything else.
 */
export function mapTodoistRecurrence({ text, due, zone }: MapTodoistRecurrenceInput): TodoistRecurrenceMapping {
  const original = text.trim();
  const split = splitTodoistRecurrence(original);
  if (!split.ok) return split;
  // "starting ..." needs no reading: Todoist keeps the due (the next occurrence) on or after it.
  const { core, anchor, time, ending } = split.parts;

  const read = readTodoistDue(due, zone);
  if (!read.ok) return { ok: false, reason: `‘${original}’: ${read.reason}` };
  const { timeZone } = read.start;
  const firstDay = read.start.date;

  const coreRule = todoistCoreRule(core, firstDay);
  if (!coreRule.ok) return { ok: false, reason: `‘${original}’ ${coreRule.why}` };

  const until = ending === null ? null : lastDay(ending, firstDay);
  if (until === undefined) return { ok: false, reason: `‘${original}’: AgendaCraft cannot read when it ends` };

  const clock = read.start.time ?? (time ? clockTime(time) : null);
  const dtstart = new Date(
    firstDay.toPlainDateTime(clock ?? undefined).toZonedDateTime(timeZone, { disambiguation: "compatible" })
      .epochMilliseconds,
  );
  try {
    const untilPart = until ? `;UNTIL=${until.toString().replaceAll("-", "")}` : "";
    const { rrule } = parseRecurrence(`${coreRule.rule}${untilPart}`);
    const [first] = listOccurrences({ rule: rrule, start: dtstart, timeZone, count: 1 });
    if (!first) return { ok: false, reason: `‘${original}’ ends before its first date` };
    return { ok: true, rrule, anchor, dtstart, allDay: clock === null, timeZone };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { ok: false, reason: `‘${original}’ cannot be repeated here: ${error.message}` };
  }
}

/** The series' last local day; undefined when the words are no end we can read. */
function lastDay(ending: TodoistEnding, firstDay: Temporal.PlainDate): Temporal.PlainDate | undefined {
  if (ending.kind === "until") return parseTodoistDate(ending.text, firstDay) ?? undefined;
  const match = /^(\S+) (day|week|month|year)s?$/.exec(ending.text);
  const count = match ? countOf(match[1] ?? "") : null;
  if (!match || count === null || count < 1) return undefined;
  // "every day for 3 weeks" from Monday ends on the Sunday three weeks on: 21 days, the start counted.
  return firstDay.add({ [`${match[2]}s`]: count }).subtract({ days: 1 });
}

function clockTime({ hour, minute }: ClockTime): Temporal.PlainTime {
  return new Temporal.PlainTime(hour, minute);
}
