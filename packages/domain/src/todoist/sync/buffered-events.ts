import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { NewEvent } from "../../shared/events/event-type.ts";

/**
 * Holds the events of one batch until its end, when they are recorded at once: recording
 * locks the person's event stream until commit, and the services a batch calls (complete,
 * move, delete) take row locks, which must come before that lock, never after it.
 */
export function bufferedEvents(): EventRecorder & {
  flush(tx: Parameters<EventRecorder["record"]>[0], to: EventRecorder): Promise<void>;
} {
  let held: NewEvent[] = [];
  return {
    async record(_tx, events) {
      held.push(...events);
    },
    async flush(tx, to) {
      const events = held;
      held = [];
      if (events.length > 0) await to.record(tx, events);
    },
  };
}
