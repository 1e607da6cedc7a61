import { getUserTimeZone } from "../iam/index.ts";
import type { Clock } from "../shared/clock.ts";
import { type Db, withTransaction } from "../shared/db.ts";
import { isDomainError } from "../shared/errors.ts";
import type { EventRecorder } from "../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../shared/secrets/secret-keyring.ts";
import { calendarFeedSelect } from "./calendar-feed.select.ts";
import { toCalendarFeedDto } from "./calendar-feed-dto.ts";
import { feedNotFound } from "./calendars-errors.ts";
import { busyChanged } from "./events.ts";
import { openFeedUrl } from "./feed-url-secret.ts";
import { readFeed } from "./read-feed.ts";
import { replaceBusyEvents } from "./replace-busy-events.ts";
import type { CalendarFeedDto, FeedIdInput } from "./schemas.ts";

type SyncDeps = {
  db: Db;
  clock: Clock;
  /** Opens the stored address. */
  secrets: SecretKeyring;
  events: EventRecorder;
  signal?: AbortSignal;
  /** Download from loopback and private networks too (tests only; see CalendarFetchOptions). */
  allowPrivateNetworks?: boolean;
};

/**
 * Re-reads one of the actor's calendars now ("Sync now"). A calendar that cannot be read
 * is not an error of the call: its events from the last good sync stay, and the feed
 * comes back with `lastError` saying why.
 */
export async function syncFeed(deps: SyncDeps & { actorId: string; input: FeedIdInput }): Promise<CalendarFeedDto> {
  return (await syncFeedCounting(deps)).feed;
}

/** `syncFeed`, also saying how many busy events were added or removed ("Sync now" of calendars.sync). */
export async function syncFeedCounting({
  input,
  actorId,
  ...deps
}: SyncDeps & { actorId: string; input: FeedIdInput }): Promise<{ feed: CalendarFeedDto; changed: number }> {
  const feed = await deps.db.calendarFeed.findFirst({
    where: { id: input.id, userId: actorId },
    select: { id: true, userId: true, url: true },
  });
  if (!feed) throw feedNotFound();
  const synced = await syncFeedRow({ ...deps, feed });
  if (!synced) throw feedNotFound();
  return { feed: synced.feed, changed: synced.changed };
}

/** For the worker: syncs any user's feed by id. Null when it was removed in the meantime. */
export async function syncFeedById({
  feedId,
  ...deps
}: SyncDeps & { feedId: string }): Promise<{ feed: CalendarFeedDto; ok: boolean; changed: number } | null> {
  const feed = await deps.db.calendarFeed.findUnique({
    where: { id: feedId },
    select: { id: true, userId: true, url: true },
  });
  return feed ? syncFeedRow({ ...deps, feed }) : null;
}

async function syncFeedRow({
  db,
  clock,
  secrets,
  events,
  signal,
  allowPrivateNetworks,
  feed,
}: SyncDeps & { feed: { id: string; userId: string; url: string } }): Promise<{
  feed: CalendarFeedDto;
  ok: boolean;
  /** Busy events added or removed. */
  changed: number;
} | null> {
  const where = { id: feed.id, userId: feed.userId };
  const timeZone = await getUserTimeZone({ db, actorId: feed.userId });
  let occurrences: Awaited<ReturnType<typeof readFeed>>;
  try {
    occurrences = await readFeed({
      // Inside the try: an address no configured key opens is this feed's lastError, not a crash.
      url: openFeedUrl(secrets, feed.url),
      timeZone,
      clock,
      ...(signal ? { signal } : {}),
      ...(allowPrivateNetworks ? { allowPrivateNetworks } : {}),
    });
  } catch (error) {
    // Only our own errors carry messages written to be shown (and free of the address).
    if (!isDomainError(error)) throw error;
    await db.calendarFeed.updateMany({ where, data: { lastError: error.message } });
    const row = await db.calendarFeed.findFirst({ where, select: calendarFeedSelect });
    return row ? { feed: toCalendarFeedDto(row, secrets), ok: false, changed: 0 } : null;
  }
  const synced = await withTransaction(db, async (tx) => {
    const { count } = await tx.calendarFeed.updateMany({
      where,
      data: { lastSyncedAt: clock.now(), lastError: null, eventCount: occurrences.length },
    });
    if (count === 0) return null;
    const changed = await replaceBusyEvents(tx, { userId: feed.userId, feedId: feed.id, occurrences });
    if (changed > 0) await events.record(tx, [busyChanged(feed.userId, feed.id, "synced")]);
    return { row: await tx.calendarFeed.findFirstOrThrow({ where, select: calendarFeedSelect }), changed };
  });
  return synced ? { feed: toCalendarFeedDto(synced.row, secrets), ok: true, changed: synced.changed } : null;
}
