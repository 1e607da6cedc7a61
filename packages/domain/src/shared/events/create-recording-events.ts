import type { EventRecorder } from "./event-recorder.ts";
import type { NewEvent } from "./event-type.ts";

/**
 * An EventRecorder that only keeps what it was told, in memory: for tests that check a
 * service records the right facts without running delivery. It cannot see a rollback:
 * tests of "rolled back change, no event" use the outbox.
 */
export function createRecordingEvents(): EventRecorder & { recorded: NewEvent[]; names(): string[] } {
  const recorded: NewEvent[] = [];
  return {
    recorded,
    names: () => recorded.map((event) => event.type.name),
    async record(_tx, events) {
      recorded.push(...events);
    },
  };
}
