import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { ReactNode } from "react";
import type { Task } from "../tasks/task-types.ts";
import { reorderAnnouncements, reorderInstructions } from "./reorder-announcements.ts";

/** A drop: the task takes the place of `targetId`, coming from above ("down") or below ("up"). */
export type TaskDrop = { id: string; targetId: string; direction: "up" | "down" };

type SortableTaskListProps = {
  tasks: Task[];
  label: string;
  onDrop: (drop: TaskDrop) => void;
  children: ReactNode;
};

/**
 * A <ul> whose rows (useSortable) reorder by pointer or keyboard: Space on a handle lifts,
 * arrows move, Space drops, Escape cancels; dnd-kit announces each step.
 */
export function SortableTaskList({ tasks, label, onDrop, children }: SortableTaskListProps) {
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a tap on the handle is not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = tasks.findIndex((task) => task.id === active.id);
    const to = tasks.findIndex((task) => task.id === over.id);
    if (from < 0 || to < 0) return;
    onDrop({ id: String(active.id), targetId: String(over.id), direction: to > from ? "down" : "up" });
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={dragEnd}
      accessibility={{ announcements: reorderAnnouncements(tasks), screenReaderInstructions: reorderInstructions }}
    >
      <SortableContext items={tasks.map((task) => task.id)} strategy={verticalListSortingStrategy}>
        <ul aria-label={label} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          {children}
        </ul>
      </SortableContext>
    </DndContext>
  );
}
