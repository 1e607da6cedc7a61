import type { Prisma } from "@agendacraft/db/prisma";
import { getUserTimeZone } from "../iam/index.ts";
import type { Clock } from "../shared/clock.ts";
import { type Db, withTransaction } from "../shared/db.ts";
import type { EventRecorder } from "../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../shared/secrets/secret-keyring.ts";
import { calendarFeedSelect } from "./calendar-feed.select.ts";
import { toCalendarFeedDto } from "./calendar-feed-dto.ts";
import { tooManyFeeds } from "./calendars-errors.ts";
import { busyChanged } from "./events.ts";
import { sealFeedUrl } from "./feed-url-secret.ts";
import { readFeed } from "./read-feed.ts";
import { replaceBusyEvents } from "./replace-busy-events.ts";
import { type AddFeedInput, type CalendarFeedDto, MAX_FEEDS_PER_USER } from "./schemas.ts";

/**
 * Adds a calendar by its secret iCal address. It is downloaded and read first, so an
 * address that does not work is refused (`calendars.feed_unreachable`,
 * `calendars.feed_invalid`) and nothing is stored; the download happens before the
 * transaction, never inside it. The address is stored sealed with `secrets`.
 */
export async function addFeed({
  db,
  actorId,
  input,
  clock,
  secrets,
  events,
  allowPrivateNetworks = false,
}: {
  db: Db;
  actorId: string;
  input: AddFeedInput;
  clock: Clock;
  secrets: SecretKeyring;
  /** Download from loopback and private networks too (tests only; see CalendarFetchOptions). */
  allowPrivateNetworks?: boolean;
  /** Records CalendarBusyChanged when the calendar brings busy time (the re-plan follows from it). */
  events: EventRecorder;
}): Promise<CalendarFeedDto> {
  // Early and unlocked, so a person at the limit waits for no download; the check that counts is below.
  await assertBelowFeedLimit(db, actorId);
  const timeZone = await getUserTimeZone({ db, actorId });
  const occurrences = await readFeed({ url: input.url, timeZone, clock, allowPrivateNetworks });
  const row = await withTransaction(db, async (tx) => {
    // Adds by one person queue here, so two at the limit cannot both see room for one more.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`calendars.feeds:${actorId}`}))`;
    await assertBelowFeedLimit(tx, actorId);
    const feed = await tx.calendarFeed.create({
      data: {
        userId: actorId,
        name: input.name,
        url: sealFeedUrl(secrets, input.url),
        lastSyncedAt: clock.now(),
        eventCount: occurrences.length,
      },
      select: calendarFeedSelect,
    });
    const changed = await replaceBusyEvents(tx, { userId: actorId, feedId: feed.id, occurrences });
    if (changed > 0) await events.record(tx, [busyChanged(actorId, feed.id, "added")]);
    return feed;
  });
  return toCalendarFeedDto(row, secrets);
}

async function assertBelowFeedLimit(db: Db | Prisma.TransactionClient, actorId: string): Promise<void> {
  if ((await db.calendarFeed.count({ where: { userId: actorId } })) >= MAX_FEEDS_PER_USER) {
    throw tooManyFeeds(MAX_FEEDS_PER_USER);
  }
}
