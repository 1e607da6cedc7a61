import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { userNotFound } from "../notifier-errors.ts";
import { syncTaskStartReminders } from "../reminders/sync-task-start-reminders.ts";
import type { NotificationSettingsDto, UpdateNotificationSettingsInput } from "../schemas.ts";
import { settingsSelect, toSettingsDto } from "./settings.select.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders re-timed at once when the lead changes; later ones correct themselves when their job runs. */
const RESYNC_HORIZON_MS = 30 * DAY_MS;
const RESYNC_MAX_TASKS = 2_000;

/**
 * Changes how and when reminders arrive. A new lead time re-times the queued reminders
 * of the actor's open tasks starting within 30 days, in the same transaction. Without
 * `jobs` (scripts, tests without a queue) nothing is re-timed: each reminder then
 * notices the change when its job runs early, or arrives late by the difference.
 */
export async function updateNotificationSettings({
  db,
  actorId,
  input,
  clock,
  jobs,
}: {
  db: Db;
  actorId: string;
  input: UpdateNotificationSettingsInput;
  clock: Clock;
  jobs?: JobSender;
}): Promise<NotificationSettingsDto> {
  return withTransaction(db, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actorId }, select: settingsSelect });
    if (!before) throw userNotFound();
    const after = await tx.user.update({
      where: { id: actorId },
      data: { notifyLeadMinutes: input.leadMinutes, notifyByEmail: input.email, notifyInApp: input.inApp },
      select: settingsSelect,
    });
    if (jobs && after.notifyLeadMinutes !== before.notifyLeadMinutes) {
      const now = clock.now();
      const upcoming = await tx.task.findMany({
        where: {
          userId: actorId,
          completedAt: null,
          startTime: { gt: now, lte: new Date(now.getTime() + RESYNC_HORIZON_MS) },
        },
        orderBy: { startTime: "asc" },
        take: RESYNC_MAX_TASKS,
        select: { id: true },
      });
      await syncTaskStartReminders({ tx, jobs, taskIds: upcoming.map((task) => task.id), clock });
    }
    return toSettingsDto(after);
  });
}
