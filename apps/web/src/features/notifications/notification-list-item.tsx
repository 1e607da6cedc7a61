import { useMe } from "../../auth/require-session.tsx";
import { formatDateTime } from "../../lib/time.ts";
import { buttonClass } from "../../ui/button.ts";
import type { NotificationItem } from "./notification-queries.ts";

type NotificationListItemProps = { notification: NotificationItem; onMarkRead: () => void };

/** One notification; unread ones stand out and can be marked read on their own. */
export function NotificationListItem({ notification, onMarkRead }: NotificationListItemProps) {
  const me = useMe();
  const unread = notification.readAt === null;
  return (
    <li
      className={`rounded-md border px-3 py-2 text-sm ${unread ? "border-indigo-200 bg-indigo-50" : "border-slate-200 bg-white text-slate-600"}`}
    >
      <p className="font-medium text-slate-900">
        {unread ? <span className="sr-only">Unread: </span> : null}
        {notification.title}
      </p>
      {notification.body ? <p className="mt-0.5">{notification.body}</p> : null}
      <div className="mt-1 flex items-center justify-between gap-2">
        <time dateTime={notification.createdAt.toISOString()} className="text-xs text-slate-500">
          {formatDateTime(notification.createdAt, me.timeZone)}
        </time>
        {unread ? (
          <button
            type="button"
            className={buttonClass.ghost}
            onClick={onMarkRead}
            aria-label={`Mark read: ${notification.title}`}
          >
            Mark read
          </button>
        ) : null}
      </div>
    </li>
  );
}
