import type { Prisma } from "@agendacraft/db/prisma";
import type { Db } from "../../shared/db.ts";
import { INSTANT_IN_RANGE } from "../../shared/instant.ts";
import type { WarningLog } from "../../shared/log.ts";

/**
 * Tasks whose dates are all empty or inside the supported range. Every read that lists
 * or plans tasks ANDs this into its `where`: a row stored before the range was enforced
 * (year 10000 comes back from the Prisma client as an Invalid Date) is skipped in SQL,
 * so it can neither fail the whole list nor break keyset pagination.
 */
export const TASK_DATES_IN_RANGE = {
  AND: [
    { OR: [{ startTime: null }, { startTime: INSTANT_IN_RANGE }] },
    { OR: [{ endTime: null }, { endTime: INSTANT_IN_RANGE }] },
    { OR: [{ dueAt: null }, { dueAt: INSTANT_IN_RANGE }] },
    { OR: [{ startAfter: null }, { startAfter: INSTANT_IN_RANGE }] },
  ],
} satisfies Prisma.TaskWhereInput;

/** The parts of a split task inside the range; reads of blocks filter with it. */
export const BLOCK_IN_RANGE = { start: INSTANT_IN_RANGE, end: INSTANT_IN_RANGE } satisfies Prisma.TaskBlockWhereInput;

const REPORTED_IDS = 20;

/**
 * Logs a warning naming the actor's tasks (matching `where`) that a read skipped for
 * dates outside the range, so an operator can repair them; logs nothing when there are
 * none. Selects ids only, so it cannot trip over the dates it looks for.
 */
export async function warnAboutSkippedTasks({
  db,
  actorId,
  log,
  where = {},
  reading,
}: {
  db: Db;
  actorId: string;
  log: WarningLog;
  where?: Prisma.TaskWhereInput;
  /** What was being read ("tasks.list", "plan"), for the log line. */
  reading: string;
}): Promise<void> {
  const skipped = await db.task.findMany({
    where: {
      AND: [
        where,
        { userId: actorId },
        { OR: [{ NOT: TASK_DATES_IN_RANGE }, { blocks: { some: { NOT: BLOCK_IN_RANGE } } }] },
      ],
    },
    select: { id: true },
    take: REPORTED_IDS,
  });
  if (skipped.length === 0) return;
  log.warn(
    { userId: actorId, reading, taskIds: skipped.map((task) => task.id) },
    "skipped tasks with dates outside the supported range (1970-01-01 to 2999-12-31); repair them",
  );
}
