export { ACCOUNT_LIMITS, limitReached } from "./account-limits.ts";
export { type Clock, clockStartingAt, fixedClock, systemClock } from "./clock.ts";
export { ZColor } from "./color.ts";
export { isDatabaseUnavailableError } from "./database-unavailable.ts";
export { type Db, type DbClient, type JobSender, withTransaction } from "./db.ts";
export {
  DATABASE_UNAVAILABLE_CODE,
  DomainError,
  type DomainErrorKind,
  type DomainErrorOptions,
  databaseUnavailableError,
  domainErrorFromPrisma,
  isDomainError,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from "./errors.ts";
export { newId } from "./ids.ts";
export {
  assertInstantInRange,
  clampInstant,
  DATE_OUT_OF_RANGE_CODE,
  DATE_OUT_OF_RANGE_MESSAGE,
  dateOutOfRange,
  INSTANT_IN_RANGE,
  isInstantInRange,
  isLocalDateInRange,
  MAX_INSTANT,
  MAX_LOCAL_DATE,
  MIN_INSTANT,
  MIN_LOCAL_DATE,
  ZInstant,
  zInstant,
} from "./instant.ts";
export type { WarningLog } from "./log.ts";
export {
  DEFAULT_PAGE_SIZE,
  invalidCursorError,
  MAX_PAGE_SIZE,
  type Page,
  type PageInput,
  toPage,
  ZPage,
  ZPageInput,
} from "./pagination.ts";
export {
  createRateLimitStore,
  type RateLimit,
  type RateLimitDecision,
  type RateLimitStore,
} from "./rate-limit/create-rate-limit-store.ts";
export { clientAddressKey, emailKey } from "./rate-limit/rate-limit-keys.ts";
export { type RateLimitedDetails, rateLimitedError } from "./rate-limit/rate-limited-error.ts";
export {
  createSecretKeyring,
  deriveSecretKey,
  isSealedSecret,
  loadSecretKeyring,
  openSecret,
  SECRET_KEY_BYTES,
  type SecretKey,
  type SecretKeyring,
  sealedSecretKeyId,
  sealSecret,
  secretKeyId,
  testSecretKeyring,
  ZSecretKeyListVariable,
  ZSecretKeyVariable,
} from "./secrets/index.ts";
export {
  findInvalidText,
  hasInvalidCharacters,
  INVALID_CHARACTERS_CODE,
  INVALID_CHARACTERS_MESSAGE,
  ZText,
} from "./text.ts";
