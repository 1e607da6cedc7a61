import { getUserTimeZone } from "../iam/index.ts";
import type { Clock } from "../shared/clock.ts";
import { type Db, withTransaction } from "../shared/db.ts";
import type { EventRecorder } from "../shared/events/event-recorder.ts";
import { calendarFeedSelect } from "./calendar-feed.select.ts";
import { toCalendarFeedDto } from "./calendar-feed-dto.ts";
import { busyChanged } from "./events.ts";
import { tooManyFeeds } from "./google-calendar-errors.ts";
import { readFeed } from "./read-feed.ts";
import { replaceBusyEvents } from "./replace-busy-events.ts";
import { type AddFeedInput, type CalendarFeedDto, MAX_FEEDS_PER_USER } from "./schemas.ts";

/**
 * Adds a calendar by its secret iCal address. It is downloaded and read first, so an
 * address that does not work is refused (`google-calendar.feed_unreachable`,
 * `google-calendar.feed_invalid`) and nothing is stored; the download happens before the
 * transaction, never inside it.
 */
export async function addFeed({
  db,
  actorId,
  input,
  clock,
  events,
  allowPrivateNetworks = false,
}: {
  db: Db;
  actorId: string;
  input: AddFeedInput;
  clock: Clock;
  /** Download from loopback and private networks too (tests only; see CalendarFetchOptions). */
  allowPrivateNetworks?: boolean;
  /** Records CalendarBusyChanged when the calendar brings busy time (the re-plan follows from it). */
  events: EventRecorder;
}): Promise<CalendarFeedDto> {
  if ((await db.calendarFeed.count({ where: { userId: actorId } })) >= MAX_FEEDS_PER_USER) {
    throw tooManyFeeds(MAX_FEEDS_PER_USER);
  }
  const timeZone = await getUserTimeZone({ db, actorId });
  const occurrences = await readFeed({ url: input.url, timeZone, clock, allowPrivateNetworks });
  const row = await withTransaction(db, async (tx) => {
    const feed = await tx.calendarFeed.create({
      data: {
        userId: actorId,
        name: input.name,
        url: input.url,
        lastSyncedAt: clock.now(),
        eventCount: occurrences.length,
      },
      select: calendarFeedSelect,
    });
    const changed = await replaceBusyEvents(tx, { userId: actorId, feedId: feed.id, occurrences });
    if (changed) await events.record(tx, [busyChanged(actorId, feed.id, "added")]);
    return feed;
  });
  return toCalendarFeedDto(row);
}
