import type { RouterOutputs } from "@agendacraft/api";

/** One input for every notification list query, so the optimistic updates hit the cache the panel reads. */
export const NOTIFICATION_PAGE_INPUT = { limit: 20 } as const;

export type NotificationPage = RouterOutputs["notifier"]["notifications"]["list"];
export type NotificationItem = NotificationPage["items"][number];

/** The cached pages with `change` applied to every notification (for optimistic "mark read"). */
export function mapNotifications<Pages extends { pages: NotificationPage[] }>(
  pages: Pages | undefined,
  change: (item: NotificationItem) => NotificationItem,
): Pages | undefined {
  if (!pages) return pages;
  return { ...pages, pages: pages.pages.map((page) => ({ ...page, items: page.items.map(change) })) };
}
