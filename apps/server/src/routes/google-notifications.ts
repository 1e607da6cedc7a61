import type { ServerDeps } from "@agendacraft/api/context";
import { GOOGLE_NOTIFICATIONS_PATH, receiveGoogleNotification } from "@agendacraft/domain/calendars";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { clientFailure, sendFailure } from "./error-replies.ts";

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Google's push notifications for the channels events.watch opened
 * (`${PUBLIC_URL}/api/calendars/google/notifications`). Everything is in the X-Goog-* headers,
 * so the body is never read. An unknown channel answers 404 and a wrong token or resource id
 * 401, both after one indexed lookup and with no other work; a verified change queues the
 * connection's sync and answers 200 at once. Not rate limited (Google decides the pace, and
 * the sync job is debounced per connection). The token is never logged: the request log
 * line carries the method, path and status only.
 */
export async function registerGoogleNotificationsRoute(app: FastifyInstance, deps: ServerDeps) {
  await app.register((scope, _options, done) => {
    // Google may send a content type with an empty body: whatever comes is left unread.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null));
    scope.post(GOOGLE_NOTIFICATIONS_PATH, async (request, reply) => {
      if (!deps.google) return sendFailure(request, reply, clientFailure(404));
      const outcome = await receiveGoogleNotification({
        db: deps.db,
        jobs: deps.jobs,
        notification: {
          channelId: header(request, "x-goog-channel-id"),
          channelToken: header(request, "x-goog-channel-token"),
          resourceId: header(request, "x-goog-resource-id"),
          resourceState: header(request, "x-goog-resource-state"),
        },
      });
      if (outcome === "unknown") return sendFailure(request, reply, clientFailure(404));
      if (outcome === "refused") return sendFailure(request, reply, clientFailure(401));
      return reply.code(200).send();
    });
    done();
  });
}
