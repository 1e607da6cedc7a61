import { useInfiniteQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useRef } from "react";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { EmptyState, LoadError, Loading } from "../../ui/states.tsx";
import { NotificationListItem } from "./notification-list-item.tsx";
import { NOTIFICATION_PAGE_INPUT } from "./notification-queries.ts";
import { useMarkNotificationsRead } from "./use-mark-notifications-read.ts";

type NotificationPanelProps = { id: string; unreadCount: number; onClose: () => void };

/**
 * The bell's popover: recent notifications, newest first, a page at a time. Not modal: it
 * takes focus when it opens and gives it back to the bell on Escape or Close.
 */
export function NotificationPanel({ id, unreadCount, onClose }: NotificationPanelProps) {
  const trpc = useTRPC();
  const panelRef = useRef<HTMLDivElement>(null);
  const list = useInfiniteQuery(
    trpc.notifier.notifications.list.infiniteQueryOptions(NOTIFICATION_PAGE_INPUT, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const { markRead, markAllRead } = useMarkNotificationsRead();

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    onClose();
  };

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = `${id}-heading`;

  return (
    <div
      ref={panelRef}
      id={id}
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="fixed inset-x-3 top-14 z-20 flex max-h-[70vh] flex-col rounded-lg border border-slate-200 bg-white shadow-xl sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-2 sm:w-96"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 id={headingId} className="font-semibold">
          Notifications
        </h2>
        <div className="flex gap-1">
          <button
            type="button"
            className={buttonClass.ghost}
            onClick={() => markAllRead.mutate()}
            disabled={unreadCount === 0 || markAllRead.isPending}
          >
            Mark all read
          </button>
          <button type="button" className={buttonClass.ghost} onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <div className="overflow-y-auto px-3 py-2">
        {list.isPending ? (
          <Loading label="Loading notifications…" />
        ) : list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No notifications yet">Reminders for tasks about to start appear here.</EmptyState>
        ) : (
          <>
            <ul className="flex flex-col gap-2">
              {items.map((item) => (
                <NotificationListItem
                  key={item.id}
                  notification={item}
                  onMarkRead={() => markRead.mutate({ ids: [item.id] })}
                />
              ))}
            </ul>
            {list.hasNextPage ? (
              <button
                type="button"
                className={`${buttonClass.secondary} mt-2 w-full`}
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
