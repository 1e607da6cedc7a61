import { uuidv7 } from "uuidv7";

/** A new UUIDv7: time-ordered, so ids sort by creation and index well. */
export function newId(): string {
  return uuidv7();
}
