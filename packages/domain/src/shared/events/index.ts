export { createEventJobs } from "./create-event-jobs.ts";
export { createEventOutbox } from "./create-event-outbox.ts";
export { createRecordingEvents } from "./create-recording-events.ts";
export { type DispatchOutcome, dispatchEvents } from "./dispatch-events.ts";
export {
  DISPATCH_EVENTS_QUEUE_OPTIONS,
  DispatchEventsJob,
  PRUNE_EVENTS_CRON,
  PruneEventsJob,
  SWEEP_EVENTS_CRON,
  SweepEventsJob,
} from "./dispatch-events-job-type.ts";
export type { EventRecorder } from "./event-recorder.ts";
export {
  defineEventType,
  type EventPayload,
  type EventType,
  type NewEvent,
  newEvent,
  type StoredEvent,
} from "./event-type.ts";
export { findLaggingPersons } from "./find-lagging-persons.ts";
export { EVENT_RETENTION_DAYS, pruneDeliveredEvents } from "./prune-delivered-events.ts";
export { defineSubscriber, type EventHandler, on, type Subscriber, type SubscriberHandler } from "./subscriber.ts";
