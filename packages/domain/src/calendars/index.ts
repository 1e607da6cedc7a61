export { addFeed } from "./add-feed.ts";
export { warnAboutSkippedBusyEvents } from "./busy-events-in-range.ts";
export { feedAddressUnreadable, feedNotFound, googleNotConfigured } from "./calendars-errors.ts";
export { type BusyOccurrence, expandBusyEvents, MAX_OCCURRENCES_PER_FEED } from "./expand-busy-events.ts";
export { FEED_URL_PURPOSE, openFeedUrl, sealFeedUrl } from "./feed-url-secret.ts";
export { FETCH_TIMEOUT_MS, MAX_FEED_BYTES } from "./fetch-calendar-text.ts";
export { GoogleConflictResolved } from "./events.ts";
export { applyOwnEventChanges } from "./google/apply-own-event-changes.ts";
export { createCalendarApi, createGoogleOAuthClient } from "./google/google-clients.ts";
export {
  DEFAULT_GOOGLE_SYNC_INTERVAL_SECONDS,
  GOOGLE_CALENDAR_SCOPES,
  GOOGLE_SIGN_IN_SCOPES,
  type GoogleConfig,
} from "./google/google-config.ts";
export { type GoogleEndpoints, googleEndpoints } from "./google/google-endpoints.ts";
export { TASK_ID_PROPERTY } from "./google/task-event-calendar.ts";
export { createGoogleWriteBackSubscriber } from "./google/write-back-subscriber.ts";
export { type AccessTokenSource, writeTaskEvents } from "./google/write-task-events.ts";
export {
  createWriteTaskJob,
  requestTaskWrites,
  WRITE_TASK_JOB,
  WRITE_TASK_QUEUE_OPTIONS,
  WriteTaskJob,
} from "./google/write-task-job.ts";
export { listBusy } from "./list-busy.ts";
export { listFeeds } from "./list-feeds.ts";
export { maskFeedUrl } from "./mask-feed-url.ts";
export { removeFeed } from "./remove-feed.ts";
export {
  type AddFeedInput,
  type BusyEventDto,
  type BusyListDto,
  type CalendarFeedDto,
  type FeedIdInput,
  type ListBusyInput,
  MAX_BUSY_EVENTS_PER_CALL,
  MAX_BUSY_RANGE_DAYS,
  MAX_FEEDS_PER_USER,
  SYNC_FUTURE_DAYS,
  SYNC_INTERVAL_MINUTES,
  SYNC_PAST_DAYS,
  ZAddFeedInput,
  ZBusyEvent,
  ZBusyList,
  ZCalendarFeed,
  ZFeedIdInput,
  ZListBusyInput,
} from "./schemas.ts";
export { type SealFeedUrlsResult, sealFeedUrls } from "./seal-feed-urls.ts";
export { syncFeed, syncFeedById } from "./sync-feed.ts";
export {
  createSyncFeedsJob,
  RETIRED_SYNC_FEEDS_JOB,
  SYNC_FEEDS_CRON,
  SYNC_FEEDS_JOB,
  SYNC_FEEDS_QUEUE_OPTIONS,
  type SyncFeedsLog,
  syncStaleFeeds,
} from "./sync-feeds-job.ts";
