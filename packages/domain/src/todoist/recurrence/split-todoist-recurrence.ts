import type { RecurrenceAnchor } from "../../scheduler/recurrence/index.ts";

export type ClockTime = { hour: number; minute: number };
export type TodoistEnding = { kind: "until"; text: string } | { kind: "for"; text: string };

/** A recurring due string taken apart: the repetition itself and what surrounds it. */
export type TodoistRecurrenceParts = {
  /** "every ..." in lower case with single spaces, without anchor mark, time and clauses. */
  core: string;
  anchor: RecurrenceAnchor;
  /** A time of day written in the string ("at 9am", "every evening"), or null. */
  time: ClockTime | null;
  /** The words after "starting"/"from", or null: Todoist's due already is on or after that day. */
  starting: string | null;
  ending: TodoistEnding | null;
};

export type SplitResult = { ok: true; parts: TodoistRecurrenceParts } | { ok: false; reason: string };

/** Todoist's one-word forms ("daily also works") and the hours its day-part words stand for. */
const SINGLE_WORDS: Readonly<Record<string, string>> = {
  daily: "every day",
  weekly: "every week",
  monthly: "every month",
  yearly: "every year",
  annually: "every year",
};
const DAY_PARTS: Readonly<Record<string, ClockTime>> = {
  morning: { hour: 9, minute: 0 },
  afternoon: { hour: 12, minute: 0 },
  evening: { hour: 19, minute: 0 },
  night: { hour: 22, minute: 0 },
};

// The greedy prefix makes each match the last clause, so clauses peel off from the end in any order.
const CLAUSE =
  /^(.*\S)\s+(starting(?:\s+on|\s+from)?|from|beginning|until|till|ending(?:\s+on)?|ends(?:\s+on)?|for)\s+(\S.*)$/;
const TWELVE_HOUR = /^(.*?\S)\s+(?:at\s+|@\s*)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)$/;
const TWENTY_FOUR_HOUR = /^(.*?\S)\s+(?:at\s+|@\s*)?(\d{1,2}):(\d{2})$/;
const BARE_HOUR = /^(.*?\S)\s+(?:at|@)\s*(\d{1,2})$/;
const NAMED_TIME = /^(.*?\S)\s+(?:at\s+)?(noon|midnight)$/;
const TIME_LEFT = /\d:\d{2}|\d\s*(?:am|pm)\b|\b(?:noon|midnight)\b/;

/**
 * Splits "every! mon, fri at 9am starting aug 3 until dec 20" into its repetition
 * ("every mon, fri"), anchor, time and clauses, or says why the string is not one we read.
 */
export function splitTodoistRecurrence(text: string): SplitResult {
  const original = text.trim();
  let rest = original.toLowerCase().replace(/\s+/g, " ");
  let anchor: RecurrenceAnchor = "scheduled";

  const completion = /^(?:every|ev)!\s*/.exec(rest);
  if (completion) {
    anchor = "completion";
    rest = `every ${rest.slice(completion[0].length)}`.trim();
  }
  rest = rest.replace(/^ev(?=\s)/, "every");
  const single = /^(daily|weekly|monthly|yearly|annually)(?=\s|$)/.exec(rest);
  if (single?.[1]) rest = `${SINGLE_WORDS[single[1]]}${rest.slice(single[1].length)}`;

  if (!/^every(?:\s|$)/.test(rest)) return unreadable(original);
  if (rest.includes("!")) {
    return {
      ok: false,
      reason: `‘${original}’: to repeat from the day a task is done, write “every!” at the start (like “every! 3 days”); AgendaCraft does not read a ‘!’ anywhere else`,
    };
  }

  let starting: string | null = null;
  let ending: TodoistEnding | null = null;
  for (let clause = CLAUSE.exec(rest); clause; clause = CLAUSE.exec(rest)) {
    const [, before = "", keyword = "", words = ""] = clause;
    if (keyword === "for") {
      if (ending) return unreadable(original);
      ending = { kind: "for", text: words };
    } else if (/^(?:until|till|end)/.test(keyword)) {
      if (ending) return unreadable(original);
      ending = { kind: "until", text: words };
    } else {
      if (starting !== null) return unreadable(original);
      starting = words;
    }
    rest = before;
  }

  const timed = takeTime(rest);
  if (!timed) return unreadable(original);
  rest = timed.rest;
  let time = timed.time;
  const dayPart = /^every (morning|afternoon|evening|night)$/.exec(rest);
  if (dayPart?.[1]) {
    rest = "every day";
    time ??= DAY_PARTS[dayPart[1]] ?? null;
  }
  if (TIME_LEFT.test(rest)) {
    return {
      ok: false,
      reason: `‘${original}’ has more than one time of day; AgendaCraft repeats a task at one time`,
    };
  }
  return { ok: true, parts: { core: rest, anchor, time, starting, ending } };
}

/** The time written at the end of the repetition, if any; null when it is no real time. */
function takeTime(rest: string): { rest: string; time: ClockTime | null } | null {
  const twelve = TWELVE_HOUR.exec(rest);
  if (twelve) {
    const hour = Number(twelve[2]);
    const minute = Number(twelve[3] ?? "0");
    if (hour < 1 || hour > 12 || minute > 59) return null;
    const pm = twelve[4] === "pm";
    return { rest: twelve[1] ?? "", time: { hour: (hour % 12) + (pm ? 12 : 0), minute } };
  }
  const clock = TWENTY_FOUR_HOUR.exec(rest) ?? BARE_HOUR.exec(rest);
  if (clock) {
    const hour = Number(clock[2]);
    const minute = Number(clock[3] ?? "0");
    if (hour > 23 || minute > 59) return null;
    return { rest: clock[1] ?? "", time: { hour, minute } };
  }
  const named = NAMED_TIME.exec(rest);
  if (named) return { rest: named[1] ?? "", time: { hour: named[2] === "noon" ? 12 : 0, minute: 0 } };
  return { rest, time: null };
}

export function unreadable(original: string): { ok: false; reason: string } {
  return { ok: false, reason: `‘${original}’ is not a pattern AgendaCraft understands` };
}
