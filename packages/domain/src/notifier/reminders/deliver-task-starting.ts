import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { publishNotification } from "../bus/publish-notification.ts";
import type { Mailer, NotifierLog } from "../mail/mailer.ts";
import { insertNotificationOnce } from "../notifications/insert-notification-once.ts";
import { NOTIFICATION_KINDS } from "../schemas.ts";
import { composeTaskStartingEmail, composeTaskStartingNotification } from "./compose-task-starting.ts";
import { syncTaskStartReminder } from "./sync-task-start-reminder.ts";
import { taskStartingDedupeKey, ZTaskStartingJobData } from "./task-starting.ts";

const MINUTE_MS = 60_000;
/** Queue and app clocks differ a little; a job this much early is on time. */
const EARLY_TOLERANCE_MS = MINUTE_MS;

export type TaskStartingOutcome =
  | { status: "skipped"; reason: "task_gone" | "completed" | "moved" | "over" | "muted" }
  | { status: "rescheduled"; jobId: string | null }
  | { status: "delivered"; notificationId: string; created: boolean; emailed: boolean };

export type TaskStartingDeps = {
  db: Db;
  jobs: JobSender;
  mailer: Mailer;
  clock: Clock;
  log: NotifierLog;
  /** Linked from the email. */
  appUrl?: string;
};

/**
 * Runs one "task starting" job. Idempotent: it may run twice, at once, or be retried
 * after any step, and the person still gets one notification and at most one email.
 *
 * - Does nothing when the task is gone, completed, moved to another start (that start
 *   has its own job), already over (a reminder after the fact is noise), or when the
 *   person wants neither kind of reminder.
 * - A job running early (the lead time shrank after it was queued) queues itself again.
 * - Otherwise stores the notification under a key naming task and start, announcing it
 *   to live streams in the same transaction. With in-app reminders off it is stored
 *   already read and not announced: the unread count and the live stream never show it,
 *   the history does, and it is what makes the email happen once.
 * - Then, when email is wanted, claims the notification's email (`emailSentAt`, set only
 *   if still null) and sends; a failed send gives the claim back and throws, so the job
 *   is retried. A crash between claim and send loses that email rather than risk two.
 */
export async function deliverTaskStarting({
  db,
  jobs,
  mailer,
  clock,
  log,
  appUrl,
  data,
}: TaskStartingDeps & { data: unknown }): Promise<TaskStartingOutcome> {
  const { taskId, startTime } = ZTaskStartingJobData.parse(data);
  const expectedStart = new Date(startTime);
  const task = await db.task.findUnique({
    where: { id: taskId },
    select: {
      userId: true,
      summary: true,
      startTime: true,
      endTime: true,
      minutes: true,
      completedAt: true,
      user: {
        select: {
          name: true,
          email: true,
          timeZone: true,
          notifyLeadMinutes: true,
          notifyByEmail: true,
          notifyInApp: true,
        },
      },
    },
  });
  const skip = (reason: Extract<TaskStartingOutcome, { status: "skipped" }>["reason"]): TaskStartingOutcome => {
    log.info({ taskId, reason }, "task starting reminder not needed");
    return { status: "skipped", reason };
  };
  if (!task) return skip("task_gone");
  if (task.completedAt) return skip("completed");
  if (task.startTime?.getTime() !== expectedStart.getTime()) return skip("moved");

  const { user } = task;
  const now = clock.now();
  const start = expectedStart;
  const end = task.endTime ?? new Date(start.getTime() + task.minutes * MINUTE_MS);
  if (now.getTime() >= end.getTime()) return skip("over");
  if (!user.notifyInApp && !user.notifyByEmail) return skip("muted");

  const fireAt = start.getTime() - user.notifyLeadMinutes * MINUTE_MS;
  if (now.getTime() < fireAt - EARLY_TOLERANCE_MS) {
    const { jobId } = await syncTaskStartReminder({ tx: db, jobs, taskId, clock });
    log.info({ taskId, jobId }, "task starting reminder ran early (the lead time changed); queued again");
    return { status: "rescheduled", jobId };
  }

  const facts = { summary: task.summary, startTime: start, endTime: end, timeZone: user.timeZone, userName: user.name };
  const notification = await withTransaction(db, async (tx) => {
    const stored = await insertNotificationOnce(tx, {
      userId: task.userId,
      kind: NOTIFICATION_KINDS.taskStarting,
      taskId,
      ...composeTaskStartingNotification(facts),
      dedupeKey: taskStartingDedupeKey(taskId, start),
      readAt: user.notifyInApp ? null : now,
      emailSentAt: user.notifyByEmail ? null : now,
      createdAt: now,
    });
    if (stored.created && user.notifyInApp) await publishNotification(tx, { userId: task.userId, id: stored.id });
    return stored;
  });

  let emailed = false;
  if (user.notifyByEmail && notification.emailSentAt === null) {
    const claimedAt = clock.now();
    const { count } = await db.notification.updateMany({
      where: { id: notification.id, emailSentAt: null },
      data: { emailSentAt: claimedAt },
    });
    if (count === 1) {
      try {
        await mailer.send(composeTaskStartingEmail({ ...facts, to: user.email, ...(appUrl ? { appUrl } : {}) }));
        emailed = true;
      } catch (error) {
        await db.notification
          .updateMany({ where: { id: notification.id, emailSentAt: claimedAt }, data: { emailSentAt: null } })
          .catch((releaseError: unknown) =>
            log.error(
              { err: releaseError, notificationId: notification.id },
              "could not release the email claim; this email is lost",
            ),
          );
        throw error;
      }
    }
  }
  log.info(
    { taskId, notificationId: notification.id, created: notification.created, emailed },
    "task starting reminder delivered",
  );
  return { status: "delivered", notificationId: notification.id, created: notification.created, emailed };
}
