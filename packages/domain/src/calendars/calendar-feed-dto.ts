import type { Prisma } from "@agendacraft/db/prisma";
import type { SecretKeyring } from "../shared/secrets/secret-keyring.ts";
import type { calendarFeedSelect } from "./calendar-feed.select.ts";
import { maskStoredFeedUrl } from "./feed-url-secret.ts";
import type { CalendarFeedDto } from "./schemas.ts";

type CalendarFeedRow = Prisma.CalendarFeedGetPayload<{ select: typeof calendarFeedSelect }>;

export function toCalendarFeedDto(row: CalendarFeedRow, secrets: SecretKeyring): CalendarFeedDto {
  return { ...row, url: maskStoredFeedUrl(secrets, row.url) };
}
