import { readRepeatPhrase } from "@agendacraft/domain/scheduler/recurrence/schemas";
import { PRIORITY_LEVELS, priorityFromWord } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { casual } from "chrono-node/en";
import { DateTime } from "luxon";
import { type ParsedQuickAdd, type QuickAddToken, type QuickAddTokenKind, setsNothing } from "./quick-add-token.ts";

export type { ParsedQuickAdd, QuickAddToken } from "./quick-add-token.ts";

export type QuickAddContext = {
  now: Date;
  /** The person's IANA zone: "tomorrow 3pm" is 15:00 there, whatever the browser's zone. */
  timeZone: string;
  projects: readonly { id: string; name: string }[];
  /** Keys (tokenKey) of tokens the person removed: their words stay in the summary. */
  kept: ReadonlySet<string>;
  /**
   * Whether a repeating line without a day is due on its first day (today or the first
   * weekday it names), since a repeating task needs a date. False when the form's own
   * Deadline field gives it one.
   */
  dueOnFirstRepeat: boolean;
};

/** Identifies a token by what it is and the words it took, so removing it survives further typing. */
export function tokenKey(token: Pick<QuickAddToken, "kind" | "text">): string {
  return `${token.kind}:${token.text.toLowerCase()}`;
}

type Span = { index: number; text: string };

const BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}_-])";
const BOUNDARY_AFTER = "(?![\\p{L}\\p{N}_-])";
const EVERY = new RegExp(`${BOUNDARY_BEFORE}every${BOUNDARY_AFTER}`, "giu");
/** 30m, 45 min, 1h, 1.5h, 2 hours, 1h30, 1h 30m, 90min. */
const DURATION = new RegExp(
  `${BOUNDARY_BEFORE}(\\d{1,3}(?:[.,]\\d{1,2})?)\\s?(?:(?:h|hrs?|hours?)(?:\\s?(\\d{1,2})(?:\\s?(?:m|mins?|minutes?))?)?|(m|mins?|minutes?))${BOUNDARY_AFTER}`,
  "giu",
);
const PRIORITY_WORDS = PRIORITY_LEVELS.flatMap((level) => level.words);
const PRIORITY = new RegExp(`${BOUNDARY_BEFORE}(?:${PRIORITY_WORDS.join("|")})${BOUNDARY_AFTER}`, "giu");
const PROJECT = /(?<![^\s])#([\p{L}\p{N}_-]+)/gu;

/**
 * Reads a quick-add line such as "Book dentist tomorrow 3pm 30m p1 #Health every weekday"
 * into task fields. Pure: the clock, the zone, the projects and the removed tokens come in.
 * Each kind is read once, first match wins; the repetition and the project are read first
 * so that "every monday" and "#Friday plans" are not mistaken for dates.
 */
export function parseQuickAdd(line: string, context: QuickAddContext): ParsedQuickAdd {
  const taken: Span[] = [];
  const isFree = (span: Span) =>
    taken.every(
      (other) => span.index + span.text.length <= other.index || other.index + other.text.length <= span.index,
    );
  const take = <T extends Span>(token: T | null): T | null => {
    if (token) taken.push(token);
    return token;
  };
  const kept = (kind: QuickAddTokenKind, text: string) => context.kept.has(tokenKey({ kind, text }));
  const today = DateTime.fromJSDate(context.now, { zone: context.timeZone }).toISODate() ?? "1970-01-01";

  const repeatSpan = take(firstMatch(line, EVERY, (index) => readRepeat(line, index, today, kept)));
  const project = take(firstMatch(line, PROJECT, (index) => readProject(line, index, context.projects, kept)));
  const minutes = take(firstMatch(line, DURATION, (index, match) => readDuration(index, match, kept, isFree)));
  const priority = take(firstMatch(line, PRIORITY, (index, match) => readPriority(index, match[0], kept, isFree)));
  // chrono reads a lone "45m" as a clock time; a second duration is summary text, not a date.
  const durations = [...line.matchAll(DURATION)].map((match) => ({ index: match.index, text: match[0] }));
  const startAfter = take(readStartAfter(line, mask(line, [...taken, ...durations]), context, kept));
  const due = take(readDue(mask(line, [...taken, ...durations]), context, kept));

  // "every week" takes its weekday from the first day: the due day when there is one.
  const firstDay = due ? (DateTime.fromJSDate(due.dueAt, { zone: context.timeZone }).toISODate() ?? today) : today;
  const repeat = repeatSpan ? { ...repeatSpan, rule: readRepeatPhrase(repeatSpan.text, firstDay)?.rule ?? null } : null;

  const firstDue =
    !due && repeat?.rule && context.dueOnFirstRepeat && !kept("due", "")
      ? firstRepeatDue(repeat.index, repeat.rule, context.now, context.timeZone)
      : null;

  const tokens = [repeat, firstDue, project, minutes, priority, startAfter, due]
    .filter((token): token is QuickAddToken => token !== null)
    .sort((a, b) => a.index - b.index);
  // A token that sets nothing leaves its words in the summary: "Check every box" stays whole.
  const setting = tokens.filter((token) => !setsNothing(token));
  return { summary: withoutSpans(line, setting), tokens };
}

type Kept = (kind: QuickAddTokenKind, text: string) => boolean;

/** The first match of `pattern` that `read` accepts (a removed or overlapping one is skipped). */
function firstMatch<T>(line: string, pattern: RegExp, read: (index: number, match: RegExpExecArray) => T | null) {
  for (const match of line.matchAll(pattern)) {
    const token = read(match.index, match as RegExpExecArray);
    if (token) return token;
  }
  return null;
}

function readRepeat(line: string, index: number, today: string, kept: Kept): (Span & { kind: "repeat" }) | null {
  const phrase = readRepeatPhrase(line.slice(index), today);
  if (!phrase || kept("repeat", phrase.text)) return null;
  return { kind: "repeat", index, text: phrase.text };
}

/** "#deep work" names the project "Deep Work" when there is one; the longest name that fits wins. */
function readProject(
  line: string,
  index: number,
  projects: QuickAddContext["projects"],
  kept: Kept,
): QuickAddToken | null {
  const rest = line.slice(index + 1).toLowerCase();
  const named = projects
    .filter((project) => {
      const name = project.name.toLowerCase();
      return name !== "" && rest.startsWith(name) && !/^[\p{L}\p{N}_-]/u.test(rest.slice(name.length));
    })
    .sort((a, b) => b.name.length - a.name.length)[0];
  const text = named
    ? line.slice(index, index + 1 + named.name.length)
    : (/^#[\p{L}\p{N}_-]+/u.exec(line.slice(index))?.[0] ?? "#");
  if (kept("project", text)) return null;
  return named
    ? { kind: "project", index, text, projectId: named.id, name: named.name }
    : { kind: "project", index, text, projectId: null, name: text.slice(1) };
}

function readDuration(index: number, match: RegExpExecArray, kept: Kept, isFree: (span: Span) => boolean) {
  const [text, amount = "", extraMinutes, minuteUnit] = match;
  const value = Number(amount.replace(",", "."));
  // "30.5m" is no whole number of minutes we could say for sure.
  if (minuteUnit !== undefined && !Number.isInteger(value)) return null;
  const minutes = minuteUnit !== undefined ? value : Math.round(value * 60) + Number(extraMinutes ?? 0);
  const span = { index, text };
  if (minutes < 1 || kept("minutes", text) || !isFree(span)) return null;
  return { kind: "minutes" as const, ...span, minutes };
}

function readPriority(index: number, text: string, kept: Kept, isFree: (span: Span) => boolean) {
  const priority = priorityFromWord(text);
  const span = { index, text };
  if (priority === null || kept("priority", text) || !isFree(span)) return null;
  return { kind: "priority" as const, ...span, priority };
}

/** A date chrono found: where, its words, and the day and time it names in the person's zone. */
type FoundDate = { index: number; text: string; day: DateTime; local: DateTime | null };

/**
 * The dates chrono finds in what the other tokens left, in line order. chrono takes a zone
 * only as a fixed offset, so it reads the wall-clock fields against the zone's offset now, and
 * Luxon turns those fields into the instant in the zone (right across a DST change). `local`
 * is null for a date with no time.
 */
function findDates(masked: string, context: QuickAddContext): FoundDate[] {
  const offset = DateTime.fromJSDate(context.now, { zone: context.timeZone }).offset;
  const results = casual.parse(masked, { instant: context.now, timezone: offset }, { forwardDate: true });
  return results.flatMap((result) => {
    const start = result.start;
    const day = DateTime.fromObject(
      { year: start.get("year") ?? 0, month: start.get("month") ?? 1, day: start.get("day") ?? 1 },
      { zone: context.timeZone },
    );
    const local = start.isCertain("hour")
      ? day.set({
          hour: workingHour(start.get("hour") ?? 0, start.isCertain("meridiem")),
          minute: start.get("minute") ?? 0,
        })
      : null;
    if (!day.isValid || (local && !local.isValid)) return [];
    return [{ index: result.index, text: result.text, day, local }];
  });
}

/** The words that make a date the moment a task waits for, rather than its deadline. */
const START_KEYWORD = /(?<![\p{L}\p{N}_-])(?:after|not before|starting|from)\s+$/iu;

/**
 * The first date right after "after", "not before", "starting" or "from": the task is not
 * planned before it. A day without a time starts at that day's midnight in the zone. The
 * token's words include the keyword, so removing its chip leaves "after friday" in the summary.
 */
function readStartAfter(
  line: string,
  masked: string,
  context: QuickAddContext,
  kept: Kept,
): Extract<QuickAddToken, { kind: "startAfter" }> | null {
  for (const found of findDates(masked, context)) {
    const keyword = START_KEYWORD.exec(masked.slice(0, found.index));
    if (!keyword) continue;
    const text = line.slice(keyword.index, found.index + found.text.length);
    if (kept("startAfter", text)) continue;
    const startAfter = (found.local ?? found.day.startOf("day")).toJSDate();
    return { kind: "startAfter", index: keyword.index, text, startAfter, hasTime: found.local !== null };
  }
  return null;
}

/** The first date left that no start keyword leads: due at that time, or at the end of that day, as the Deadline field's dates are. */
function readDue(masked: string, context: QuickAddContext, kept: Kept): Extract<QuickAddToken, { kind: "due" }> | null {
  for (const found of findDates(masked, context)) {
    // "after friday" with its chip removed stays words: it is no deadline either.
    if (kept("due", found.text) || START_KEYWORD.test(masked.slice(0, found.index))) continue;
    const dueAt = (found.local ?? found.day.endOf("day")).toJSDate();
    return { kind: "due", index: found.index, text: found.text, dueAt, hasTime: found.local !== null };
  }
  return null;
}

/**
 * chrono reads "at 5" as 05:00. Nobody plans a task for 1-7 in the morning without saying
 * "am", so an hour without am/pm in that range is the afternoon, as calendar apps' quick add
 * reads it; "at 5am", "05:00" and "17:00" keep what they say.
 */
function workingHour(hour: number, meridiemSaid: boolean): number {
  return !meridiemSaid && hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** The end of the first day from today that the rule's weekdays allow (today itself for any other rule). */
function firstRepeatDue(index: number, rule: string, now: Date, timeZone: string): QuickAddToken {
  const days = /BYDAY=([A-Z,]+)/.exec(rule)?.[1]?.split(",") ?? WEEKDAY_CODES;
  let day = DateTime.fromJSDate(now, { zone: timeZone });
  for (let step = 0; step < 7 && !days.includes(WEEKDAY_CODES[day.weekday - 1] ?? ""); step++) {
    day = day.plus({ days: 1 });
  }
  return { kind: "due", index, text: "", dueAt: day.endOf("day").toJSDate(), hasTime: false, firstRepeat: true };
}

/** The line with taken words blanked out (same length, so chrono's positions are the line's). */
function mask(line: string, taken: readonly Span[]): string {
  let masked = line;
  for (const span of taken) {
    masked = masked.slice(0, span.index) + " ".repeat(span.text.length) + masked.slice(span.index + span.text.length);
  }
  return masked;
}

/** "by", "for" and the like right before a taken span belong to it: "Send report by friday" saves "Send report". */
const CONNECTOR_BEFORE = /(?<![\p{L}\p{N}_-])(?:at|on|by|for|due)\s+$/iu;

function withoutSpans(line: string, spans: readonly Span[]): string {
  const widened = spans
    .filter((span) => span.text !== "")
    .map((span) => {
      const connector = CONNECTOR_BEFORE.exec(line.slice(0, span.index));
      return connector
        ? { index: connector.index, text: line.slice(connector.index, span.index + span.text.length) }
        : span;
    });
  return mask(line, widened).replace(/\s+/g, " ").trim();
}
