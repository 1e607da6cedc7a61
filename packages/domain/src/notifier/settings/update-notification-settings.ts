import type { JobSender } from "@agendacraft/db/jobs";
import { type Db, withTransaction } from "../../shared/db.ts";
import { userNotFound } from "../notifier-errors.ts";
import { requestReminderRetiming } from "../reminders/retime-reminders-job.ts";
import type { NotificationSettingsDto, UpdateNotificationSettingsInput } from "../schemas.ts";
import { settingsSelect, toSettingsDto } from "./settings.select.ts";

/**
 * Changes how and when reminders arrive. A new lead time asks, in the same transaction,
 * for the queued reminders of the actor's open tasks starting within 30 days to be
 * re-timed by a job (`notifier.retime-reminders`, seconds later). Without `jobs`
 * (scripts, tests without a queue) nothing is re-timed: each reminder then notices the
 * change when its job runs early, or arrives late by the difference.
 */
export async function updateNotificationSettings({
  db,
  actorId,
  input,
  jobs,
}: {
  db: Db;
  actorId: string;
  input: UpdateNotificationSettingsInput;
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
      await requestReminderRetiming({ tx, jobs, userId: actorId });
    }
    return toSettingsDto(after);
  });
}
