export {
  CLEAN_IDEMPOTENCY_KEYS_CRON,
  CLEAN_IDEMPOTENCY_KEYS_JOB,
  CLEAN_IDEMPOTENCY_KEYS_QUEUE_OPTIONS,
  createCleanIdempotencyKeysJob,
} from "./clean-idempotency-keys-job.ts";
export { deleteExpiredIdempotencyKeys } from "./delete-expired-idempotency-keys.ts";
export { IDEMPOTENCY_WAIT_MS, IDEMPOTENT_TRANSACTION_TIMEOUT_MS, runIdempotent } from "./run-idempotent.ts";
export { IDEMPOTENCY_KEY_TTL_MS, MAX_IDEMPOTENCY_KEY_LENGTH, ZIdempotencyKey } from "./schemas.ts";
