export { ACCOUNT_LIMITS, limitReached } from "./account-limits.ts";
export { type Clock, fixedClock, systemClock } from "./clock.ts";
export { ZColor } from "./color.ts";
export { isDatabaseUnavailableError } from "./database-unavailable.ts";
export { type Db, withTransaction } from "./db.ts";
export {
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
  DEFAULT_PAGE_SIZE,
  invalidCursorError,
  MAX_PAGE_SIZE,
  type Page,
  type PageInput,
  toPage,
  ZPage,
  ZPageInput,
} from "./pagination.ts";
