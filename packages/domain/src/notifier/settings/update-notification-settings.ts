import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { NotificationSettingsChanged } from "../events.ts";
import { userNotFound } from "../notifier-errors.ts";
import type { NotificationSettingsDto, UpdateNotificationSettingsInput } from "../schemas.ts";
import { settingsSelect, toSettingsDto } from "./settings.select.ts";

/**
 * Changes how and when reminders arrive. Records NotificationSettingsChanged; the
 * reminders subscriber then re-times the queued reminders of open tasks starting within
 * 30 days when the lead time changed (later ones correct themselves when their job runs).
 */
export async function updateNotificationSettings({
  db,
  actorId,
  input,
  events,
}: {
  db: Db;
  actorId: string;
  input: UpdateNotificationSettingsInput;
  events: EventRecorder;
}): Promise<NotificationSettingsDto> {
  return withTransaction(db, async (tx) => {
    const [before] = await tx.$queryRaw<{ notifyLeadMinutes: number }[]>`
      SELECT "notifyLeadMinutes" FROM users WHERE id = ${actorId}::uuid FOR UPDATE`;
    if (!before) throw userNotFound();
    const after = await tx.user.update({
      where: { id: actorId },
      data: { notifyLeadMinutes: input.leadMinutes, notifyByEmail: input.email, notifyInApp: input.inApp },
      select: settingsSelect,
    });
    await events.record(tx, [
      newEvent(NotificationSettingsChanged, {
        userId: actorId,
        aggregateId: actorId,
        // Users carry no version column: settings have nothing to compare.
        version: 0,
        payload: { leadMinutesChanged: after.notifyLeadMinutes !== before.notifyLeadMinutes },
      }),
    ]);
    return toSettingsDto(after);
  });
}
