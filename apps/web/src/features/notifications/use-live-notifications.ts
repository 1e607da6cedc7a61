import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { toast } from "sonner";
import { useTRPC } from "../../trpc.ts";

/**
 * Keeps the unread count and the list fresh from the server's live stream (SSE). Returns
 * whether the stream is connected; while it is not (still connecting, the server answered
 * `notifier.live_unavailable`, the connection dropped, or the runtime has no EventSource)
 * the caller polls instead.
 */
export function useLiveNotifications(): { live: boolean } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const supported = typeof globalThis.EventSource === "function";

  const refresh = () => {
    void queryClient.invalidateQueries(trpc.notifier.notifications.unreadCount.queryFilter());
    void queryClient.invalidateQueries(trpc.notifier.notifications.list.pathFilter());
  };

  const subscription = useSubscription(
    trpc.notifier.notifications.onNew.subscriptionOptions(undefined, {
      enabled: supported,
      // Whatever arrived while the stream was (re)connecting was not streamed: read it once now.
      // (A reconnect with a lastEventId also replays what it missed; this covers the first connect.)
      onStarted: refresh,
      onData: (event) => {
        refresh();
        toast(event.data.title);
      },
    }),
  );
  return { live: subscription.status === "pending" };
}
