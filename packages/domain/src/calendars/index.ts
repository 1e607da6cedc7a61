export { addFeed } from "./add-feed.ts";
export { warnAboutSkippedBusyEvents } from "./busy-events-in-range.ts";
export {
  connectedCalendarNotFound,
  connectionNotFound,
  feedAddressUnreadable,
  feedNotFound,
  googleNotConfigured,
  googleUnavailable,
  needsReconnect,
} from "./calendars-errors.ts";
export {
  CalendarBusyChanged,
  CalendarConnectionNeedsReconnect,
  CalendarWriteTargetChanged,
  GoogleConflictResolved,
} from "./events.ts";
export { type BusyOccurrence, expandBusyEvents, MAX_OCCURRENCES_PER_FEED } from "./expand-busy-events.ts";
export { FEED_URL_PURPOSE, openFeedUrl, sealFeedUrl } from "./feed-url-secret.ts";
export { FETCH_TIMEOUT_MS, MAX_FEED_BYTES } from "./fetch-calendar-text.ts";
export { applyOwnEventChanges } from "./google/apply-own-event-changes.ts";
export {
  completeGoogleConnect,
  type GoogleCallbackQuery,
  type GoogleConnectResult,
  missingPermissions,
} from "./google/complete-google-connect.ts";
export {
  ACCESS_TOKEN_PURPOSE,
  openAccessToken,
  openRefreshToken,
  REFRESH_TOKEN_PURPOSE,
  sealAccessToken,
  sealRefreshToken,
} from "./google/connection-tokens.ts";
export { createConnectUrl, DEFAULT_RETURN_TO, OAUTH_STATE_TTL_MS } from "./google/create-connect-url.ts";
export { createWriteCalendar, DEFAULT_WRITE_CALENDAR_NAME } from "./google/create-write-calendar.ts";
export { disconnectConnection } from "./google/disconnect-connection.ts";
export { fetchCalendarList, type ListedCalendar } from "./google/fetch-calendar-list.ts";
export { ACCESS_TOKEN_MARGIN_MS, getAccessToken } from "./google/get-access-token.ts";
export { type GoogleFailure, isQuotaFailure, readGoogleFailure } from "./google/google-api-error.ts";
export { googleCallFailed } from "./google/google-call-failed.ts";
export { createCalendarApi, createGoogleOAuthClient } from "./google/google-clients.ts";
export {
  DEFAULT_GOOGLE_SYNC_INTERVAL_SECONDS,
  GOOGLE_CALENDAR_SCOPES,
  GOOGLE_CALLBACK_PATH,
  GOOGLE_NOTIFICATIONS_PATH,
  GOOGLE_SIGN_IN_SCOPES,
  type GoogleConfig,
} from "./google/google-config.ts";
export { type GoogleEndpoints, googleEndpoints } from "./google/google-endpoints.ts";
export {
  createGoogleSyncJob,
  createGoogleSyncScheduleJob,
  GOOGLE_SYNC_SCHEDULE_CRON,
  GOOGLE_SYNC_SCHEDULE_JOB,
  GoogleSyncScheduleJob,
  ownEventsHandler,
  sendDueGoogleSyncs,
} from "./google/google-sync-job.ts";
export { GOOGLE_SYNC_JOB, GOOGLE_SYNC_QUEUE_OPTIONS, GoogleSyncJob } from "./google/google-sync-job-type.ts";
export { listCalendarChanges } from "./google/list-calendar-changes.ts";
export { listConnections } from "./google/list-connections.ts";
export { CHANNEL_RENEWAL_MARGIN_MS, CHANNEL_TTL_SECONDS } from "./google/push-channel-rules.ts";
export { type GoogleEvent, type GoogleEventReading, readGoogleEvent } from "./google/read-google-event.ts";
export {
  type GoogleNotification,
  type NotificationOutcome,
  receiveGoogleNotification,
} from "./google/receive-google-notification.ts";
export { requireGoogle } from "./google/require-google.ts";
export {
  type ResealConnectionTokensResult,
  resealConnectionTokens,
} from "./google/reseal-connection-tokens.ts";
export { storeCalendarList } from "./google/store-calendar-list.ts";
export { type OnOwnEvents, type SyncConnectionResult, syncConnection } from "./google/sync-connection.ts";
export { SYNC_NOW_DEADLINE_MS, syncNow } from "./google/sync-now.ts";
export { TASK_ID_PROPERTY } from "./google/task-event-calendar.ts";
export { updateConnectedCalendar } from "./google/update-connected-calendar.ts";
export { createGoogleWriteBackSubscriber } from "./google/write-back-subscriber.ts";
export { type AccessTokenSource, writeTaskEvents } from "./google/write-task-events.ts";
export {
  createWriteTaskJob,
  requestPersonTaskWrites,
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
  type CalendarConnectionDto,
  type CalendarFeedDto,
  type ConnectedCalendarDto,
  type ConnectionStatus,
  type ConnectUrlInput,
  type CreateWriteCalendarInput,
  type DisconnectInput,
  type FeedIdInput,
  GOOGLE_CALENDAR_PERMISSIONS,
  GOOGLE_CONNECT_OUTCOMES,
  type GoogleCalendarPermission,
  type GoogleConnectOutcome,
  type ListBusyInput,
  MAX_BUSY_EVENTS_PER_CALL,
  MAX_BUSY_RANGE_DAYS,
  MAX_FEEDS_PER_USER,
  SYNC_FUTURE_DAYS,
  SYNC_INTERVAL_MINUTES,
  SYNC_PAST_DAYS,
  type SyncInput,
  type SyncResultDto,
  type UpdateCalendarInput,
  ZAddFeedInput,
  ZBusyEvent,
  ZBusyList,
  ZCalendarConnection,
  ZCalendarFeed,
  ZConnectedCalendar,
  ZConnectUrl,
  ZConnectUrlInput,
  ZCreateWriteCalendarInput,
  ZDisconnectInput,
  ZFeedIdInput,
  ZListBusyInput,
  ZSyncInput,
  ZSyncResult,
  ZUpdateCalendarInput,
} from "./schemas.ts";
export { type SealFeedUrlsResult, sealFeedUrls } from "./seal-feed-urls.ts";
export { syncFeed, syncFeedById, syncFeedCounting } from "./sync-feed.ts";
export {
  createSyncFeedsJob,
  RETIRED_SYNC_FEEDS_JOB,
  SYNC_FEEDS_CRON,
  SYNC_FEEDS_JOB,
  SYNC_FEEDS_QUEUE_OPTIONS,
  type SyncFeedsLog,
  syncStaleFeeds,
} from "./sync-feeds-job.ts";
