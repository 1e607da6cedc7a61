import type { Prisma } from "@agendacraft/db/prisma";
import { newId } from "../../shared/ids.ts";

export type NewNotification = {
  userId: string;
  kind: string;
  taskId: string | null;
  title: string;
  body: string;
  /** Names the event: a second insert with the same key returns the first notification. */
  dedupeKey: string;
  /** Already read (the person does not want it in the app: history only). */
  readAt: Date | null;
  /** Set when no email is wanted, so nothing ever claims it for sending. */
  emailSentAt: Date | null;
  createdAt: Date;
};

/**
 * Inserts a notification unless one with its dedupeKey exists, and returns whichever is
 * stored. ON CONFLICT DO NOTHING instead of catching a unique violation, because a
 * failed statement would abort the caller's transaction. Concurrent inserts of one key
 * wait for each other; exactly one gets `created: true`.
 */
export async function insertNotificationOnce(
  tx: Prisma.TransactionClient,
  notification: NewNotification,
): Promise<{ id: string; emailSentAt: Date | null; created: boolean }> {
  const n = notification;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO notifications (id, "userId", kind, "taskId", title, body, "dedupeKey", "emailSentAt", "createdAt", "readAt")
    VALUES (${newId()}::uuid, ${n.userId}::uuid, ${n.kind}, ${n.taskId}::uuid, ${n.title}, ${n.body}, ${n.dedupeKey},
            ${n.emailSentAt}::timestamptz, ${n.createdAt}::timestamptz, ${n.readAt}::timestamptz)
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id`;
  const id = inserted[0]?.id;
  if (id) return { id, emailSentAt: n.emailSentAt, created: true };
  const existing = await tx.notification.findUniqueOrThrow({
    where: { dedupeKey: n.dedupeKey },
    select: { id: true, emailSentAt: true },
  });
  return { ...existing, created: false };
}
