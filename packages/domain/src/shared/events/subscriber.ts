import type { Prisma } from "@agendacraft/db/prisma";
import type { EventType, StoredEvent } from "./event-type.ts";

export type EventHandler<T extends EventType> = (args: {
  /** The delivery's transaction: the subscriber's writes and its cursor commit together. */
  tx: Prisma.TransactionClient;
  event: StoredEvent<T>;
}) => Promise<void>;

export type SubscriberHandler = { type: EventType; handle: EventHandler<EventType> };

/**
 * One reaction to events, with a stable `name` (its delivery cursor is stored under it:
 * renaming it redelivers every kept event). Handlers must be idempotent: delivery is at
 * least once. Events of other types pass by.
 */
export type Subscriber = {
  name: string;
  handlers: readonly SubscriberHandler[];
};

/** Pairs an event type with its handler, payload typed from the event type. */
export function on<T extends EventType>(type: T, handle: EventHandler<T>): SubscriberHandler {
  return { type, handle: handle as unknown as EventHandler<EventType> };
}

export function defineSubscriber(subscriber: Subscriber): Subscriber {
  const seen = new Set<string>();
  for (const { type } of subscriber.handlers) {
    if (seen.has(type.name)) throw new Error(`subscriber "${subscriber.name}" handles "${type.name}" twice`);
    seen.add(type.name);
  }
  return subscriber;
}
