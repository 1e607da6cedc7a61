import { priorityFromTodoist } from "../../scheduler/tasks/index.ts";
import type { TodoistItem } from "../api/todoist-objects.ts";
import { mapTodoistRecurrence } from "../recurrence/index.ts";
import { mapTodoistDates } from "./map-todoist-dates.ts";

/** The task's limits (scheduler/tasks/schemas.ts): what does not fit is cut and noted, never refused. */
const MAX_SUMMARY = 255;
const MAX_DESCRIPTION = 10_000;
const MAX_MINUTES = 480;
const DEFAULT_MINUTES = 30;
const UNTITLED = "Untitled Todoist task";

/**
 * A section is kept as a label "§ <name>" rather than the bare name, so it never merges with
 * a Todoist label of the same name and the push can tell the two apart.
 */
export const SECTION_LABEL_PREFIX = "§ ";

export function sectionLabel(sectionName: string): string {
  return `${SECTION_LABEL_PREFIX}${sectionName}`;
}

export type MappedTask = {
  summary: string;
  description: string;
  priority: number;
  minutes: number;
  startTime: Date | null;
  endTime: Date | null;
  startAfter: Date | null;
  dueAt: Date | null;
  labels: string[];
  recurrence: string | null;
  recurrenceAnchor: "scheduled" | "completion" | null;
  recurrenceText: string | null;
  completed: boolean;
};

export type ItemMapping = {
  task: MappedTask;
  /** Values that could not be kept as they were, in words. */
  notes: string[];
  /** Why a recurring due is not planned as a repeat; null when it is (or does not repeat). */
  unmappedReason: string | null;
};

/**
 * One Todoist item as the local task's fields (projects and the parent are resolved by the
 * caller, which knows the links). Pure: `now` and the zone are given.
 */
export function mapTodoistItem({
  item,
  zone,
  now,
  sectionName,
}: {
  item: TodoistItem;
  /** The person's IANA zone (users.timeZone). */
  zone: string;
  now: Date;
  /** The name of the item's section, when it has one. */
  sectionName: string | null;
}): ItemMapping {
  const notes: string[] = [];
  const summary = cut(item.content.trim(), MAX_SUMMARY);
  if (summary.cut) notes.push(`The title was longer than ${MAX_SUMMARY} characters; the rest is cut off.`);
  const description = cut(item.description, MAX_DESCRIPTION);
  if (description.cut) {
    notes.push(
      `The description was longer than ${MAX_DESCRIPTION.toLocaleString("en-US")} characters; the rest is cut off.`,
    );
  }
  if (summary.text === "") notes.push(`The task has no title; it is called “${UNTITLED}” here.`);

  const minutes = mapMinutes(item.duration ?? null);
  if (minutes.note) notes.push(minutes.note);
  const dates = mapTodoistDates({ item, zone, now, minutes: minutes.value });
  notes.push(...dates.notes);

  let recurrence: Pick<MappedTask, "recurrence" | "recurrenceAnchor"> = { recurrence: null, recurrenceAnchor: null };
  let unmappedReason: string | null = null;
  if (item.due?.is_recurring) {
    const mapped = mapTodoistRecurrence({ text: item.due.string, due: item.due, zone });
    if (mapped.ok) recurrence = { recurrence: mapped.rrule, recurrenceAnchor: mapped.anchor };
    else unmappedReason = mapped.reason;
  }

  const labels = [...item.labels];
  if (sectionName !== null) labels.push(sectionLabel(sectionName));

  return {
    task: {
      summary: summary.text === "" ? UNTITLED : summary.text,
      description: description.text,
      priority: priorityFromTodoist(item.priority),
      minutes: minutes.value,
      startTime: dates.startTime,
      endTime: dates.endTime,
      startAfter: dates.startAfter,
      dueAt: dates.dueAt,
      labels,
      ...recurrence,
      // Kept for every due that repeats, mapped or not: the web shows the words the person wrote.
      recurrenceText: item.due?.is_recurring ? item.due.string : null,
      completed: item.checked,
    },
    notes,
    unmappedReason,
  };
}

function cut(text: string, max: number): { text: string; cut: boolean } {
  // Array.from counts code points, so a cut never splits an emoji in half.
  const chars = Array.from(text);
  return chars.length > max ? { text: chars.slice(0, max).join(""), cut: true } : { text, cut: false };
}

function mapMinutes(duration: TodoistItem["duration"] | null): { value: number; note: string | null } {
  if (!duration) return { value: DEFAULT_MINUTES, note: null };
  if (duration.unit === "day") {
    const days = duration.amount === 1 ? "1 day" : `${duration.amount} days`;
    return {
      value: MAX_MINUTES,
      note: `Todoist's duration of ${days} is planned as ${MAX_MINUTES} minutes (the most a task takes here).`,
    };
  }
  if (duration.amount > MAX_MINUTES) {
    return {
      value: MAX_MINUTES,
      note: `Todoist's duration of ${duration.amount} minutes is planned as ${MAX_MINUTES} minutes (the most a task takes here).`,
    };
  }
  if (duration.amount < 1 || !Number.isInteger(duration.amount)) {
    const value = Math.min(MAX_MINUTES, Math.max(1, Math.round(duration.amount)));
    return { value, note: `Todoist's duration of ${duration.amount} minutes is planned as ${value} minutes.` };
  }
  return { value: duration.amount, note: null };
}
