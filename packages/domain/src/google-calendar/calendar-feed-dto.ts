import type { Prisma } from "@agendacraft/db/prisma";
import type { calendarFeedSelect } from "./calendar-feed.select.ts";
import { maskFeedUrl } from "./mask-feed-url.ts";
import type { CalendarFeedDto } from "./schemas.ts";

type CalendarFeedRow = Prisma.CalendarFeedGetPayload<{ select: typeof calendarFeedSelect }>;

export function toCalendarFeedDto(row: CalendarFeedRow): CalendarFeedDto {
  return { ...row, url: maskFeedUrl(row.url) };
}
