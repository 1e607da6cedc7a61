import type { Prisma } from "@agendacraft/db/prisma";
import type { NotificationSettingsDto } from "../schemas.ts";

export const settingsSelect = {
  notifyLeadMinutes: true,
  notifyByEmail: true,
  notifyInApp: true,
} satisfies Prisma.UserSelect;

export function toSettingsDto(user: Prisma.UserGetPayload<{ select: typeof settingsSelect }>): NotificationSettingsDto {
  return { leadMinutes: user.notifyLeadMinutes, email: user.notifyByEmail, inApp: user.notifyInApp };
}
