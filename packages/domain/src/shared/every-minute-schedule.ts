import type { QueueOptions } from "@agendacraft/db/jobs";

/** Cron's finest step: the schedules that look for due syncs (Google, Todoist) run this often. */
export const EVERY_MINUTE_CRON = "* * * * *";

/** A schedule tick never retries (the next tick is the retry) and never queues up behind itself. */
export const EVERY_MINUTE_SCHEDULE_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 0,
  retryDelay: 60,
  retryBackoff: false,
  expireInSeconds: 60,
  policy: "stately",
};
