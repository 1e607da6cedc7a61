import type { Db } from "../shared/db.ts";
import type { SecretKeyring } from "../shared/secrets/secret-keyring.ts";
import { calendarFeedSelect } from "./calendar-feed.select.ts";
import { toCalendarFeedDto } from "./calendar-feed-dto.ts";
import type { CalendarFeedDto } from "./schemas.ts";

/** The actor's calendars, oldest first; at most MAX_FEEDS_PER_USER, so no paging. */
export async function listFeeds({
  db,
  actorId,
  secrets,
}: {
  db: Db;
  actorId: string;
  /** Opens the stored addresses to mask them. */
  secrets: SecretKeyring;
}): Promise<CalendarFeedDto[]> {
  const rows = await db.calendarFeed.findMany({
    where: { userId: actorId },
    orderBy: { id: "asc" },
    select: calendarFeedSelect,
  });
  return rows.map((row) => toCalendarFeedDto(row, secrets));
}
