import type { PrismaClient } from "@agendacraft/db/client";
import { newId } from "../../shared/ids.ts";
import { publishNotification } from "../bus/publish-notification.ts";
import { insertNotificationOnce } from "../notifications/insert-notification-once.ts";

const MINUTE_MS = 60_000;

export async function createUser(
  prisma: PrismaClient,
  data: {
    name?: string;
    timeZone?: string;
    notifyLeadMinutes?: number;
    notifyByEmail?: boolean;
    notifyInApp?: boolean;
  } = {},
) {
  return prisma.user.create({
    data: { name: "Mia", email: `mia-${newId()}@example.com`, timeZone: "Europe/Berlin", ...data },
  });
}

export async function createTask(
  prisma: PrismaClient,
  userId: string,
  { summary = "Write report", startTime, minutes = 45 }: { summary?: string; startTime: Date | null; minutes?: number },
) {
  return prisma.task.create({
    data: {
      userId,
      summary,
      order: 1,
      minutes,
      startTime,
      endTime: startTime ? new Date(startTime.getTime() + minutes * MINUTE_MS) : null,
    },
  });
}

/** A notification made the way the worker makes one: in its own transaction, announced on commit. */
export async function createAnnouncedNotification(
  prisma: PrismaClient,
  userId: string,
  { title = "Hello", read = false }: { title?: string; read?: boolean } = {},
) {
  return prisma.$transaction(async (tx) => {
    const stored = await insertNotificationOnce(tx, {
      userId,
      kind: "task_starting",
      taskId: null,
      title,
      body: "",
      dedupeKey: `test:${newId()}`,
      readAt: read ? new Date() : null,
      emailSentAt: null,
      createdAt: new Date(),
    });
    if (!read) await publishNotification(tx, { userId, id: stored.id });
    return stored;
  });
}
