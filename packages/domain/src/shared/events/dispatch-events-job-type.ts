import { defineJobType, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";

/** Delivers one person's undelivered events to every subscriber, in order. */
export const DispatchEventsJob = defineJobType("events.dispatch", z.object({ userId: z.uuid() }));

export const DISPATCH_EVENTS_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 8,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 300,
  // One running and one waiting per person (singletonKey = userId): delivery stays in
  // order, and an event recorded while a dispatch runs still gets a dispatch after it.
  policy: "stately",
};

/** Finds persons whose events some subscriber has not had yet and sends them a dispatch. */
export const SweepEventsJob = defineJobType("events.sweep", z.object({}));
export const SWEEP_EVENTS_CRON = "* * * * *";

export const SWEEP_EVENTS_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 0,
  retryDelay: 60,
  retryBackoff: false,
  expireInSeconds: 120,
  policy: "stately",
};

/** Deletes old events every subscriber has had, once a day. */
export const PruneEventsJob = defineJobType("events.prune", z.object({}));
export const PRUNE_EVENTS_CRON = "41 3 * * *";

export const PRUNE_EVENTS_QUEUE_OPTIONS: QueueOptions = {
  // Tomorrow's run is the retry.
  retryLimit: 0,
  retryDelay: 60,
  retryBackoff: false,
  expireInSeconds: 1_800,
  policy: "stately",
};
