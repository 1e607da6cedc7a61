import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";

export function NotificationBell() {
  const trpc = useTRPC();
  const unread = useQuery(trpc.notifier.notifications.unreadCount.queryOptions());
  return <span>Notifications: {unread.data?.count ?? 0}</span>;
}
