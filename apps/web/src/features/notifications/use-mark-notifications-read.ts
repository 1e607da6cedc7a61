import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { mapNotifications, NOTIFICATION_PAGE_INPUT } from "./notification-queries.ts";

/**
 * "Mark read" and "Mark all read", applied to the list and the count at once and put back
 * if the server refuses; afterwards both are read again from the server.
 */
export function useMarkNotificationsRead() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.notifier.notifications.list.infiniteQueryKey(NOTIFICATION_PAGE_INPUT);
  const countKey = trpc.notifier.notifications.unreadCount.queryKey();

  /** Applies the optimistic change and returns what to restore on failure. */
  const apply = async (isTarget: (id: string) => boolean, countAfter: (count: number, marked: number) => number) => {
    await queryClient.cancelQueries({ queryKey: listKey });
    await queryClient.cancelQueries({ queryKey: countKey });
    const list = queryClient.getQueryData(listKey);
    const count = queryClient.getQueryData(countKey);
    const now = new Date();
    let marked = 0;
    queryClient.setQueryData(listKey, (pages) =>
      mapNotifications(pages, (item) => {
        if (item.readAt !== null || !isTarget(item.id)) return item;
        marked += 1;
        return { ...item, readAt: now };
      }),
    );
    if (count) queryClient.setQueryData(countKey, { count: Math.max(0, countAfter(count.count, marked)) });
    return { list, count };
  };

  const restore = (error: unknown, snapshot: Awaited<ReturnType<typeof apply>> | undefined) => {
    if (snapshot) {
      queryClient.setQueryData(listKey, snapshot.list);
      queryClient.setQueryData(countKey, snapshot.count);
    }
    toast.error(describeError(error).message);
  };

  const settle = () => {
    void queryClient.invalidateQueries(trpc.notifier.notifications.list.pathFilter());
    void queryClient.invalidateQueries(trpc.notifier.notifications.unreadCount.queryFilter());
  };

  const markRead = useMutation(
    trpc.notifier.notifications.markRead.mutationOptions({
      onMutate: ({ ids }) =>
        apply(
          (id) => ids.includes(id),
          (count, marked) => count - marked,
        ),
      onError: (error, _input, snapshot) => restore(error, snapshot),
      onSettled: settle,
    }),
  );

  const markAllRead = useMutation(
    trpc.notifier.notifications.markAllRead.mutationOptions({
      // Every notification, also those on pages not loaded yet: the count goes to zero.
      onMutate: () =>
        apply(
          () => true,
          () => 0,
        ),
      onError: (error, _input, snapshot) => restore(error, snapshot),
      onSettled: settle,
    }),
  );

  return { markRead, markAllRead };
}
