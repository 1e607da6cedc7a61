import type { Db } from "../shared/db.ts";
import { calendarFeedSelect } from "./calendar-feed.select.ts";
import { toCalendarFeedDto } from "./calendar-feed-dto.ts";
import type { CalendarFeedDto } from "./schemas.ts";

/** The actor's calendars, oldest first; at most MAX_FEEDS_PER_USER, so no paging. */
export async function listFeeds({ db, actorId }: { db: Db; actorId: string }): Promise<CalendarFeedDto[]> {
  const rows = await db.calendarFeed.findMany({
    where: { userId: actorId },
    orderBy: { id: "asc" },
    select: calendarFeedSelect,
  });
  return rows.map(toCalendarFeedDto);
}
