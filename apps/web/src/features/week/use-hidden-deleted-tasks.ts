import type { EventInput } from "@fullcalendar/core";
import { useMemo, useSyncExternalStore } from "react";
import { hiddenTaskIds, subscribePendingDeletes } from "../tasks/pending-task-deletes.ts";
import { taskEventProps } from "./calendar-events.ts";

/**
 * The week's events without the blocks of tasks deleted while their Undo is on offer (the
 * delete is only sent when the toast closes, see use-deferred-task-delete.ts).
 */
export function useWithoutDeletedTasks(events: EventInput[]): EventInput[] {
  const hidden = useSyncExternalStore(subscribePendingDeletes, hiddenTaskIds);
  return useMemo(
    () =>
      hidden.size === 0
        ? events
        : events.filter((event) => {
            const task = taskEventProps(event.extendedProps ?? {});
            return !(task && hidden.has(task.taskId));
          }),
    [events, hidden],
  );
}
