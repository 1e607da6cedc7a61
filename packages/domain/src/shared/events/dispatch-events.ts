import type { Clock } from "../clock.ts";
import { type Db, withTransaction } from "../db.ts";
import type { WarningLog } from "../log.ts";
import type { StoredEvent } from "./event-type.ts";
import type { Subscriber, SubscriberHandler } from "./subscriber.ts";

type EventRow = {
  id: string;
  seq: bigint;
  type: string;
  aggregateId: string;
  version: number;
  payload: unknown;
  occurredAt: Date;
};

type Failure = { seq: number; error: unknown };

export type DispatchOutcome = {
  /** Events each subscriber handled (or let pass) in this run, by subscriber name. */
  delivered: Record<string, number>;
  /** Subscribers that failed, with the error; they get the same event again on the retry. */
  failed: ({ subscriber: string } & Failure)[];
};

/**
 * Hands one person's undelivered events to each subscriber in order. Each event is one
 * transaction per subscriber: the cursor row is locked, the handler runs in the same
 * transaction, the cursor moves on. So a handler's writes and its progress commit together
 * (a crash redelivers nothing that committed), two dispatches cannot both deliver the
 * same event, and a failing subscriber stops at its event without holding back the others.
 */
export async function dispatchEvents({
  db,
  userId,
  subscribers,
  clock,
  log,
  batchSize = 100,
}: {
  db: Db;
  userId: string;
  subscribers: readonly Subscriber[];
  clock: Clock;
  log?: WarningLog;
  batchSize?: number;
}): Promise<DispatchOutcome> {
  const outcome: DispatchOutcome = { delivered: {}, failed: [] };
  for (const subscriber of subscribers) {
    outcome.delivered[subscriber.name] = 0;
    const handlers = new Map(subscriber.handlers.map((handler) => [handler.type.name, handler]));
    for (;;) {
      const { handled, failure } = await deliverBatch({
        db,
        userId,
        subscriber: subscriber.name,
        handlers,
        clock,
        batchSize,
      });
      outcome.delivered[subscriber.name] = (outcome.delivered[subscriber.name] ?? 0) + handled;
      if (failure) {
        log?.warn(
          { err: failure.error, subscriber: subscriber.name, userId, seq: failure.seq },
          "event subscriber failed; it will be retried",
        );
        outcome.failed.push({ subscriber: subscriber.name, ...failure });
        break;
      }
      if (handled === 0) break;
    }
  }
  return outcome;
}

class DeliveryError extends Error {
  constructor(
    readonly seq: number,
    override readonly cause: unknown,
  ) {
    super(`delivering event ${seq} failed`, { cause });
  }
}

/** Delivers up to `batchSize` events, one transaction each: how many, and the failure that stopped it. */
async function deliverBatch({
  db,
  userId,
  subscriber,
  handlers,
  clock,
  batchSize,
}: {
  db: Db;
  userId: string;
  subscriber: string;
  handlers: Map<string, SubscriberHandler>;
  clock: Clock;
  batchSize: number;
}): Promise<{ handled: number; failure?: Failure }> {
  let handled = 0;
  while (handled < batchSize) {
    let moved: boolean;
    try {
      moved = await deliverOne({ db, userId, subscriber, handlers, clock });
    } catch (error) {
      // An event that cannot even be read (a payload its schema refuses) stops it too.
      const failure = error instanceof DeliveryError ? { seq: error.seq, error: error.cause } : { seq: -1, error };
      return { handled, failure };
    }
    if (!moved) break;
    handled += 1;
  }
  return { handled };
}

/** Delivers the subscriber's next event in one transaction; false when there is none. */
function deliverOne({
  db,
  userId,
  subscriber,
  handlers,
  clock,
}: {
  db: Db;
  userId: string;
  subscriber: string;
  handlers: Map<string, SubscriberHandler>;
  clock: Clock;
}): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    await tx.$executeRaw`
      INSERT INTO event_deliveries (subscriber, "userId", "lastSeq", "deliveredAt")
      VALUES (${subscriber}, ${userId}::uuid, 0, ${clock.now()})
      ON CONFLICT (subscriber, "userId") DO NOTHING`;
    const [cursor] = await tx.$queryRaw<{ lastSeq: bigint }[]>`
      SELECT "lastSeq" FROM event_deliveries
      WHERE subscriber = ${subscriber} AND "userId" = ${userId}::uuid FOR UPDATE`;
    const [row] = await tx.$queryRaw<EventRow[]>`
      SELECT id, seq, type, "aggregateId", version, payload, "occurredAt" FROM domain_events
      WHERE "userId" = ${userId}::uuid AND seq > ${cursor?.lastSeq ?? 0n}
      ORDER BY seq LIMIT 1`;
    if (!row) return false;
    const handler = handlers.get(row.type);
    if (handler) {
      const event: StoredEvent = {
        id: row.id,
        userId,
        seq: Number(row.seq),
        type: row.type,
        aggregateId: row.aggregateId,
        version: row.version,
        payload: handler.type.schema.parse(row.payload),
        occurredAt: row.occurredAt,
      };
      try {
        await handler.handle({ tx, event });
      } catch (error) {
        throw new DeliveryError(event.seq, error);
      }
    }
    await tx.$executeRaw`
      UPDATE event_deliveries SET "lastSeq" = ${row.seq}, "deliveredAt" = ${clock.now()}
      WHERE subscriber = ${subscriber} AND "userId" = ${userId}::uuid`;
    return true;
  });
}
