import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { historySpan, recordTaskHistory } from "../history/record-task-history.ts";
import type { TaskHistorySpan } from "../history/schemas.ts";
import { taskNotFound } from "../tasks/task-errors.ts";

/**
 * Notes in the task's history that the person moved or deleted its event in Google Calendar
 * but the task's own change in AgendaCraft was later, so AgendaCraft's time stands and the
 * event is written back over Google's edit. The task itself is not changed here.
 */
export async function noteGoogleChangeIgnored({
  db,
  actorId,
  id,
  google,
  clock,
}: {
  db: Db;
  actorId: string;
  id: string;
  /** Where Google had the event; null when the person deleted it. */
  google: { start: Date; end: Date } | null;
  clock: Clock;
}): Promise<void> {
  await withTransaction(db, async (tx) => {
    const task = await tx.task.findFirst({
      where: { id, userId: actorId },
      select: { startTime: true, endTime: true },
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
          change: google ? "moved" : "deleted",
          google: googleSpan,
          to: historySpan(task.startTime, task.endTime),
          winner: "agendacraft",
        },
      },
    ]);
  });
}
