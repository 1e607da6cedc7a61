import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from "@dnd-kit/core";
import type { Task } from "../tasks/task-types.ts";

export const reorderInstructions: ScreenReaderInstructions = {
  draggable:
    "To reorder a task, press Space on its reorder handle. Use the up and down arrow keys to move it, Space to drop it where it is, or Escape to put it back.",
};

/**
 * What dnd-kit's live region says while a task is moved; its defaults read out the ids,
 * these read the summaries and positions.
 */
export function reorderAnnouncements(tasks: Task[]): Announcements {
  const position = (id: UniqueIdentifier) => tasks.findIndex((task) => task.id === id) + 1;
  const name = (id: UniqueIdentifier) => `“${tasks.find((task) => task.id === id)?.summary ?? "task"}”`;
  const of = `of ${tasks.length}`;
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}, position ${position(active.id)} ${of}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${name(active.id)} moved to position ${position(over.id)} ${of}.`
        : `${name(active.id)} is outside the list.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${name(active.id)} dropped at position ${position(over.id)} ${of}.`
        : `${name(active.id)} dropped; the order is unchanged.`,
    onDragCancel: ({ active }) =>
      `Moving ${name(active.id)} was cancelled; it is back at position ${position(active.id)}.`,
  };
}
