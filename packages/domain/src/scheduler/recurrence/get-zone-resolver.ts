import { Temporal } from "temporal-polyfill";

/** Converts between instants and wall-clock times of one zone, both as epoch milliseconds. */
export type ZoneResolver = {
  /** UTC offset in milliseconds at an instant. */
  offsetAt(epochMs: number): number;
  /** The wall-clock reading of an instant, as if it were UTC. */
  toWall(epochMs: number): number;
  /**
   * The instant a wall-clock time means, like Temporal's "compatible" disambiguation: a
   * time skipped by a gap moves forward by the gap, a repeated time is the earlier one.
   */
  toInstant(wallMs: number): number;
};

// Zone rules never change while the process runs, so offsets are memoised per zone in
// blocks of about a year. The polyfill needs ~100 µs per conversion, which would make a
// year of daily planner windows take tens of milliseconds; with this it takes a few.
const BLOCK_MS = 2 ** 35;
const DAY_MS = 86_400_000;
const MAX_CACHED_BLOCKS = 5000;

type Block = { starts: number[]; offsets: number[] };
const blocksByZone = new Map<string, Map<number, Block>>();
let cachedBlocks = 0;

/** The resolver for a zone Temporal accepts (check it with assertTimeZone first). */
export function getZoneResolver(timeZone: string): ZoneResolver {
  const offsetAt = (epochMs: number): number => {
    const block = blockAt(timeZone, Math.floor(epochMs / BLOCK_MS));
    let offset = block.offsets[0] ?? 0;
    for (let i = 1; i < block.starts.length && (block.starts[i] ?? 0) <= epochMs; i++) offset = block.offsets[i] ?? 0;
    return offset;
  };
  return {
    offsetAt,
    toWall: (epochMs) => epochMs + offsetAt(epochMs),
    toInstant(wallMs) {
      // Zones change offset at most once within a couple of days, so the offsets a day
      // either side are the only ones this wall time can have.
      const before = offsetAt(wallMs - DAY_MS);
      const after = offsetAt(wallMs + DAY_MS);
      if (before === after) return wallMs - before;
      const valid = [wallMs - before, wallMs - after].filter((instant) => instant + offsetAt(instant) === wallMs);
      // None valid: the time is in a gap; read with the offset before it, it lands after the gap.
      return valid.length > 0 ? Math.min(...valid) : wallMs - before;
    },
  };
}

function blockAt(timeZone: string, index: number): Block {
  let blocks = blocksByZone.get(timeZone);
  if (!blocks) {
    blocks = new Map();
    blocksByZone.set(timeZone, blocks);
  }
  const cached = blocks.get(index);
  if (cached) return cached;

  const start = index * BLOCK_MS;
  const end = start + BLOCK_MS;
  let cursor = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(timeZone);
  const block: Block = { starts: [start], offsets: [cursor.offsetNanoseconds / 1e6] };
  for (;;) {
    const next = cursor.getTimeZoneTransition("next");
    if (!next || next.epochMilliseconds >= end) break;
    block.starts.push(next.epochMilliseconds);
    block.offsets.push(next.offsetNanoseconds / 1e6);
    cursor = next;
  }
  if (cachedBlocks >= MAX_CACHED_BLOCKS) {
    blocksByZone.clear();
    blocksByZone.set(timeZone, blocks);
    blocks.clear();
    cachedBlocks = 0;
  }
  blocks.set(index, block);
  cachedBlocks++;
  return block;
}
