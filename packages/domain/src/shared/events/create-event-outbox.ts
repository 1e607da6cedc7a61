import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../clock.ts";
import { newId } from "../ids.ts";
import { DispatchEventsJob } from "./dispatch-events-job-type.ts";
import type { EventRecorder } from "./event-recorder.ts";
import type { NewEvent } from "./event-type.ts";

/**
 * The transactional outbox: writes the events to `domain_events` and enqueues a dispatch
 * for each person, all in the caller's transaction. Each person's events are numbered
 * through their `event_streams` row, whose lock is held until commit: a person's numbers
 * are therefore in commit order, and a subscriber's cursor never skips an event that
 * committed late.
 */
export function createEventOutbox({ jobs, clock }: { jobs: JobSender; clock: Clock }): EventRecorder {
  return {
    async record(tx, events) {
      if (events.length === 0) return;
      const occurredAt = clock.now();
      const byUser = new Map<string, NewEvent[]>();
      for (const event of events) byUser.set(event.userId, [...(byUser.get(event.userId) ?? []), event]);
      for (const [userId, list] of byUser) {
        const [stream] = await tx.$queryRaw<{ lastSeq: bigint }[]>`
          INSERT INTO event_streams ("userId", "lastSeq") VALUES (${userId}::uuid, ${list.length})
          ON CONFLICT ("userId") DO UPDATE SET "lastSeq" = event_streams."lastSeq" + ${list.length}
          RETURNING "lastSeq"`;
        const first = Number(stream?.lastSeq ?? 0) - list.length + 1;
        await tx.domainEvent.createMany({
          data: list.map((event, i) => ({
            id: newId(),
            userId,
            seq: first + i,
            type: event.type.name,
            aggregateId: event.aggregateId,
            version: event.version,
            // Parsed, so what is stored is what subscribers will parse back.
            payload: event.type.schema.parse(event.payload) as object,
            occurredAt,
          })),
        });
        await jobs.send(DispatchEventsJob, { userId }, { tx, singletonKey: userId });
      }
    },
  };
}
