export type { FakeAccount, NewAccount } from "./accounts.ts";
export { approveConsent, cancelConsent } from "./approve-consent.ts";
export type { CalendarAccessRole, CalendarListEntry, EventInput, GoogleEvent } from "./calendar-types.ts";
export type { RecordedRequest } from "./fake-google-core.ts";
export type { Fault } from "./faults.ts";
export { SCOPES } from "./scopes.ts";
export {
  DEFAULT_TEST_SCOPES,
  type FakeGoogle,
  type FakeGoogleOptions,
  type IssuedTokens,
  startFakeGoogle,
} from "./start-fake-google.ts";
export type { DeliveredNotification, WatchChannel } from "./watch-channels.ts";
