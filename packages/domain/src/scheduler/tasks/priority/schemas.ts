// A `schemas` entry of its own, free of zod and of every import, so the priority names can be
// in the web's first download (the quick add and the select) while the task schemas load later.

/**
 * The one table of priority names. AgendaCraft stores 0 (none) to 5 (most urgent); people
 * think in Todoist's flags, where p1 is the highest and p4 is "no priority". Every place
 * that shows, parses or imports a priority goes through this table, so "P2 high" means the
 * same number in the quick add, the select, the task rows and the Todoist import.
 */
export const PRIORITY_LEVELS = [
  { value: 5, label: "P1 urgent", words: ["p1", "urgent"], todoistPriority: 4 },
  { value: 4, label: "P2 high", words: ["p2", "high"], todoistPriority: 3 },
  { value: 3, label: "P3 medium", words: ["p3", "medium"], todoistPriority: 2 },
  { value: 2, label: "Low priority", words: ["low"], todoistPriority: null },
  { value: 1, label: "Lowest priority", words: ["lowest"], todoistPriority: null },
  // Todoist's p4 is its default, "no priority": an imported or typed p4 adds no urgency.
  { value: 0, label: "No priority", words: ["p4", "none"], todoistPriority: 1 },
] as const satisfies readonly PriorityLevel[];

type PriorityLevel = {
  value: number;
  /** Reads on its own, in a menu labelled Priority as much as in a task's row. */
  label: string;
  /** What a person may type in the quick add (lower case, without spaces). */
  words: readonly string[];
  /** Todoist's API number for the same flag (4 = p1 ... 1 = p4); null where Todoist has none. */
  todoistPriority: number | null;
};

export type PriorityValue = (typeof PRIORITY_LEVELS)[number]["value"];

/** "P1 urgent" for 5; a number outside the scale is shown as itself rather than hidden. */
export function priorityLabel(value: number): string {
  return PRIORITY_LEVELS.find((level) => level.value === value)?.label ?? `Priority ${value}`;
}

/** The priority a typed word means ("p1", "High"), or null when it names none. */
export function priorityFromWord(word: string): PriorityValue | null {
  const typed = word.trim().toLowerCase();
  return PRIORITY_LEVELS.find((level) => (level.words as readonly string[]).includes(typed))?.value ?? null;
}

/** A Todoist task's priority (its API number, 4 = p1) on AgendaCraft's scale; unknown numbers mean none. */
export function priorityFromTodoist(todoistPriority: number): PriorityValue {
  return PRIORITY_LEVELS.find((level) => level.todoistPriority === todoistPriority)?.value ?? 0;
}
