import { defineJob, defineJobType, type JobDefinition, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";
import type { Clock } from "../shared/clock.ts";
import type { Db } from "../shared/db.ts";
import { deleteExpiredIdempotencyKeys } from "./delete-expired-idempotency-keys.ts";

/** Deletes expired Idempotency-Keys once an hour, from whichever process sends cron jobs. */
export const CLEAN_IDEMPOTENCY_KEYS_JOB = "idempotency.clean-expired-keys";
export const CleanIdempotencyKeysJob = defineJobType(CLEAN_IDEMPOTENCY_KEYS_JOB, z.object({}));
export const CLEAN_IDEMPOTENCY_KEYS_CRON = "23 * * * *";

export const CLEAN_IDEMPOTENCY_KEYS_QUEUE_OPTIONS: QueueOptions = {
  // The next hour is the retry.
  retryLimit: 0,
  retryDelay: 60,
  retryBackoff: false,
  expireInSeconds: 600,
  // One run at a time and at most one waiting, however many processes send the tick.
  policy: "stately",
};

export function createCleanIdempotencyKeysJob({
  db,
  clock,
  log,
}: {
  db: Db;
  clock: Clock;
  log?: { info(object: object, message?: string): void };
}): JobDefinition<typeof CleanIdempotencyKeysJob> {
  return defineJob({
    type: CleanIdempotencyKeysJob,
    queueOptions: CLEAN_IDEMPOTENCY_KEYS_QUEUE_OPTIONS,
    cron: CLEAN_IDEMPOTENCY_KEYS_CRON,
    async handler() {
      const { deleted } = await deleteExpiredIdempotencyKeys({ db, clock });
      if (deleted > 0) log?.info({ deleted }, "expired idempotency keys deleted");
    },
  });
}
