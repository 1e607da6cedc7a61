import type { FreeSlot, FreeTime } from "./create-free-time.ts";

const MINUTE_MS = 60_000;

export type PlaceInPartsInput = {
  free: FreeTime;
  plannerId: string | null;
  /** The task's whole length. */
  length: number;
  minPartMs: number;
  /** Every part ends by this instant (deadline or horizon). */
  limit: number;
  /** No part starts before this instant (the task's startAfter). */
  notBefore?: number;
};

/**
 * Fills the earliest free stretches with parts of at least minPartMs that add up to the
 * task, reserving them as it goes; if the task cannot be completed, everything it took
 * is given back and the result is null, so a half-planned task never blocks others.
 */
export function placeInParts({
  free,
  plannerId,
  length,
  minPartMs,
  limit,
  notBefore,
}: PlaceInPartsInput): FreeSlot[] | null {
  if (free.capacityBefore(plannerId, limit) < length) return null;
  const checkpoint = free.checkpoint();
  const parts: FreeSlot[] = [];
  let left = length;
  while (left > 0) {
    // Below two minimum parts the rest cannot be divided again, so it must go in one piece.
    const need = left < 2 * minPartMs ? left : minPartMs;
    const slot = free.findSlot(plannerId, need, limit, undefined, notBefore);
    if (!slot) {
      free.rollback(checkpoint);
      return null;
    }
    let take = Math.min(left, slot.end - slot.start);
    // Whole minutes read better; never leave a remainder too small to be a part.
    if (take < left) take = Math.max(need, Math.floor(take / MINUTE_MS) * MINUTE_MS);
    if (left - take > 0 && left - take < minPartMs) take = left - minPartMs;
    free.reserve(slot.start, slot.start + take);
    parts.push({ leaf: slot.leaf, start: slot.start, end: slot.start + take });
    left -= take;
  }
  return parts;
}
