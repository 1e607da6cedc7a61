import type { Db } from "../../shared/db.ts";
import { userNotFound } from "../notifier-errors.ts";
import type { NotificationSettingsDto } from "../schemas.ts";
import { settingsSelect, toSettingsDto } from "./settings.select.ts";

export async function getNotificationSettings({
  db,
  actorId,
}: {
  db: Db;
  actorId: string;
}): Promise<NotificationSettingsDto> {
  const user = await db.user.findUnique({ where: { id: actorId }, select: settingsSelect });
  if (!user) throw userNotFound();
  return toSettingsDto(user);
}
