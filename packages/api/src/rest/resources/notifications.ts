import { ZNotification, ZUpdatedCount } from "@agendacraft/domain/notifier";
import { z } from "zod";
import { listOperation, singleOperation } from "../rest-operation.ts";
import { queryBoolean, ZIdParams, ZPageQuery } from "../rest-query.ts";
import { nameRestOutput } from "../rest-schema.ts";

const TAG = "Notifications";
nameRestOutput(ZNotification, "Notification");
nameRestOutput(ZUpdatedCount, "UpdatedCount");

const ZUnreadCount = z.object({ count: z.number().int() });
nameRestOutput(ZUnreadCount, "UnreadCount");

const ZNotificationListQuery = ZPageQuery.extend({
  unread_only: queryBoolean("true: only notifications not read yet.").optional(),
});

export const notificationOperations = [
  listOperation({
    method: "get",
    path: "/notifications/",
    operationId: "listNotifications",
    tag: TAG,
    summary: "List notifications",
    description:
      "Newest first. `kind` says what one is about (`task_starting`, `calendar_needs_reconnect`; more may come).",
    query: ZNotificationListQuery,
    item: ZNotification,
    run: ({ caller, query }) =>
      caller.notifier.notifications.list({
        limit: query.limit,
        cursor: query.cursor,
        unreadOnly: query.unread_only ?? false,
      }),
  }),
  singleOperation({
    method: "get",
    path: "/notifications/unread-count/",
    operationId: "countUnreadNotifications",
    tag: TAG,
    summary: "Count unread notifications",
    status: 200,
    response: ZUnreadCount,
    run: ({ caller }) => caller.notifier.notifications.unreadCount(),
  }),
  singleOperation({
    method: "post",
    path: "/notifications/{id}/read/",
    operationId: "markNotificationRead",
    tag: TAG,
    summary: "Mark a notification read",
    description: "Answers with the notification; one read already keeps the time it was first read.",
    params: ZIdParams,
    status: 200,
    response: ZNotification,
    run: ({ caller, params }) => caller.notifier.notifications.markOneRead({ id: params.id }),
  }),
  singleOperation({
    method: "post",
    path: "/notifications/read-all/",
    operationId: "markAllNotificationsRead",
    tag: TAG,
    summary: "Mark every notification read",
    description: "`updated` counts the ones that were unread.",
    status: 200,
    response: ZUpdatedCount,
    run: ({ caller }) => caller.notifier.notifications.markAllRead(),
  }),
];
