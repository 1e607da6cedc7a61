import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { historySpan, recordTaskHistory } from "../history/record-task-history.ts";
import type { TaskHistorySpan } from "../history/schemas.ts";
import { taskNotFound } from "../tasks/task-errors.ts";

/**
 * Notes in the task's history that the person moved, deleted or renamed its event in Google
 * Calendar but the task's own change in AgendaCraft was later, so AgendaCraft's time (or title)
 * stands and the event is written back over Google's edit. The task itself is not changed here.
 */
export async function noteGoogleChangeIgnored({
  db,
  actorId,
  id,
  google,
  renamedTo,
  clock,
}: {
  db: Db;
  actorId: string;
  id: string;
  /** Where Google had the event; null when the person deleted it. */
  google: { start: Date; end: Date } | null;
  /** Set when the ignored edit was a rename: the title Google had. */
  renamedTo?: string;
  clock: Clock;
}): Promise<void> {
  await withTransaction(db, async (tx) => {
    const task = await tx.task.findFirst({
      where: { id, userId: actorId },
      select: { startTime: true, endTime: true, summary: true },
    });
    if (!task) throw taskNotFound();
    const googleSpan: TaskHistorySpan | null = google ? historySpan(google.start, google.end) : null;
    await recordTaskHistory(tx, [
      {
        userId: actorId,
        taskId: id,
        at: clock.now(),
        kind: "google_change_ignored",
        detail: {
          ...(renamedTo !== undefined
            ? { change: "renamed" as const, toSummary: renamedTo, fromSummary: task.summary }
            : { change: google ? ("moved" as const) : ("deleted" as const) }),
          google: googleSpan,
          to: historySpan(task.startTime, task.endTime),
          winner: "agendacraft",
        },
      },
    ]);
  });
}
