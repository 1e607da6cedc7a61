import { z } from "zod";
import { ZPage, ZPageInput } from "../shared/pagination.ts";
import { ZText } from "../shared/text.ts";

export const MAX_LEAD_MINUTES = 120;

export const ZNotificationSettings = z.object({
  /** Minutes before a task starts that its reminder goes out (0: at the start). */
  leadMinutes: z.number().int(),
  email: z.boolean(),
  inApp: z.boolean(),
});
export type NotificationSettingsDto = z.infer<typeof ZNotificationSettings>;

export const ZUpdateNotificationSettingsInput = z
  .object({
    leadMinutes: z
      .number()
      .int("Use whole minutes")
      .min(0, `Choose 0 to ${MAX_LEAD_MINUTES} minutes`)
      .max(MAX_LEAD_MINUTES, `Choose 0 to ${MAX_LEAD_MINUTES} minutes`)
      .optional(),
    email: z.boolean().optional(),
    inApp: z.boolean().optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "Change at least one setting",
    params: { code: "notifier.nothing_to_update" },
  });
export type UpdateNotificationSettingsInput = z.infer<typeof ZUpdateNotificationSettingsInput>;

/** What a notification is about; clients branch on it. */
export const NOTIFICATION_KINDS = {
  taskStarting: "task_starting",
  calendarNeedsReconnect: "calendar_needs_reconnect",
} as const;

export const ZNotification = z.object({
  id: z.uuid(),
  /** One of NOTIFICATION_KINDS' values ("task_starting"); more kinds may come. */
  kind: z.string(),
  taskId: z.uuid().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type NotificationDto = z.infer<typeof ZNotification>;

/** Newest first; `cursor` is the previous page's `nextCursor`. */
export const ZListNotificationsInput = ZPageInput.extend({
  unreadOnly: z.boolean().default(false),
}).default({ unreadOnly: false, limit: 50 });
export type ListNotificationsInput = z.infer<typeof ZListNotificationsInput>;

export const ZNotificationPage = ZPage(ZNotification);

export const ZMarkNotificationsReadInput = z.object({
  ids: z.array(z.uuid()).min(1, "Name at least one notification").max(200, "Mark at most 200 at once"),
});
export type MarkNotificationsReadInput = z.infer<typeof ZMarkNotificationsReadInput>;

export const ZUpdatedCount = z.object({ updated: z.number().int() });

/**
 * The live stream's input. `lastEventId` is what tRPC's SSE link sends when it
 * reconnects (the last id it received): notifications after it are replayed first.
 */
export const ZOnNewNotificationsInput = z.object({ lastEventId: ZText.max(100).nullish() }).optional();
