import { PRIORITY_LEVELS } from "../../../scheduler/tasks/index.ts";

/**
 * Todoist's API priority (4 = p1 ... 1 = p4) for a local one: the inverse of
 * priorityFromTodoist. Levels Todoist has no flag for (low, lowest) take the nearest lower
 * level that has one, i.e. Todoist's "no priority": raising a task never reads as more
 * urgent in Todoist than the person made it here.
 */
export function todoistPriorityOf(value: number): number {
  const level = PRIORITY_LEVELS.find((each) => each.value <= value && each.todoistPriority !== null);
  return level?.todoistPriority ?? 1;
}
