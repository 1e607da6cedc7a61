import type { z } from "zod";

/** A kind of domain event: its stable name and the zod schema of its payload. */
export type EventType<Name extends string = string, Schema extends z.ZodType<object> = z.ZodType<object>> = {
  readonly name: Name;
  readonly schema: Schema;
};

export type EventPayload<T extends EventType> = z.output<T["schema"]>;

/** Declared by the domain the fact belongs to, in `<domain>/events.ts`. */
export function defineEventType<const Name extends string, Schema extends z.ZodType<object>>(
  name: Name,
  schema: Schema,
): EventType<Name, Schema> {
  return Object.freeze({ name, schema });
}

/** An event about to be recorded. */
export type NewEvent<T extends EventType = EventType> = {
  type: T;
  /** Whose event: delivery is ordered per person. */
  userId: string;
  /** The task, planner, plan run, ... the fact is about. */
  aggregateId: string;
  /** The aggregate's version after the change (0 for aggregates without a version column). */
  version: number;
  payload: EventPayload<T>;
};

/** Builds a NewEvent with its payload type checked against the event type. */
export function newEvent<T extends EventType>(type: T, fields: Omit<NewEvent<T>, "type">): NewEvent<T> {
  return { type, ...fields };
}

/** An event as the dispatcher hands it to a subscriber, payload parsed. */
export type StoredEvent<T extends EventType = EventType> = {
  id: string;
  userId: string;
  seq: number;
  type: T["name"];
  aggregateId: string;
  version: number;
  payload: EventPayload<T>;
  occurredAt: Date;
};
