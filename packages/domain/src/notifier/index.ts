export {
  createNotificationBus,
  type NotificationBus,
  type SubscribeOptions,
} from "./bus/create-notification-bus.ts";
export { NOTIFICATIONS_CHANNEL, publishNotification } from "./bus/publish-notification.ts";
export { createCalendarAlertsSubscriber } from "./calendar-alerts/create-calendar-alerts-subscriber.ts";
export { NotificationSettingsChanged } from "./events.ts";
export { createLogMailer } from "./mail/create-log-mailer.ts";
export { createMailer } from "./mail/create-mailer.ts";
export { createSmtpMailer } from "./mail/create-smtp-mailer.ts";
export { DEFAULT_MAIL_FROM, type Mailer, type MailMessage, type NotifierLog } from "./mail/mailer.ts";
export { countUnreadNotifications } from "./notifications/count-unread-notifications.ts";
export { listNotifications } from "./notifications/list-notifications.ts";
export { markAllNotificationsRead } from "./notifications/mark-all-notifications-read.ts";
export { markNotificationRead } from "./notifications/mark-notification-read.ts";
export { markNotificationsRead } from "./notifications/mark-notifications-read.ts";
export { streamNewNotifications } from "./notifications/stream-new-notifications.ts";
export { createRemindersSubscriber } from "./reminders/create-reminders-subscriber.ts";
export { createTaskStartingJob } from "./reminders/create-task-starting-job.ts";
export {
  deliverTaskStarting,
  type TaskStartingDeps,
  type TaskStartingOutcome,
} from "./reminders/deliver-task-starting.ts";
export { syncTaskStartReminder } from "./reminders/sync-task-start-reminder.ts";
export { syncTaskStartReminders } from "./reminders/sync-task-start-reminders.ts";
export {
  TASK_STARTING_JOB,
  TASK_STARTING_QUEUE_OPTIONS,
  TaskStartingJob,
  type TaskStartingJobData,
  taskStartingDedupeKey,
} from "./reminders/task-starting.ts";
export {
  type ListNotificationsInput,
  MAX_LEAD_MINUTES,
  type MarkNotificationsReadInput,
  NOTIFICATION_KINDS,
  type NotificationDto,
  type NotificationSettingsDto,
  type UpdateNotificationSettingsInput,
  ZListNotificationsInput,
  ZMarkNotificationsReadInput,
  ZNotification,
  ZNotificationPage,
  ZNotificationSettings,
  ZOnNewNotificationsInput,
  ZUpdatedCount,
  ZUpdateNotificationSettingsInput,
} from "./schemas.ts";
export { getNotificationSettings } from "./settings/get-notification-settings.ts";
export { updateNotificationSettings } from "./settings/update-notification-settings.ts";
