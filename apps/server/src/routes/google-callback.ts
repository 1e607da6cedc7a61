import { type ServerDeps, toHeaders } from "@agendacraft/api/context";
import { completeGoogleConnect, GOOGLE_CALLBACK_PATH } from "@agendacraft/domain/calendars";
import { resolveSession } from "@agendacraft/domain/iam";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { clientFailure, sendFailure } from "./error-replies.ts";

/** Google's callback parameters; anything else in the query is ignored. */
const ZCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  scope: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
});

/**
 * Where Google sends the browser back after "Connect Google Calendar"
 * (`${publicOrigin}/api/calendars/google/callback`, registered at Google as a redirect URI).
 * Google's top-level redirect carries the SameSite=Lax session cookie, which must be the
 * person who asked for the connect URL. Always ends in a redirect to an app path that says
 * how it went (`?google=connected|denied|missing_scope|expired|failed`).
 */
export function registerGoogleCallbackRoute(app: FastifyInstance, deps: ServerDeps) {
  app.get(GOOGLE_CALLBACK_PATH, async (request, reply) => {
    const google = deps.google;
    if (!google) return sendFailure(request, reply, clientFailure(404));
    const parsed = ZCallbackQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : {};
    const { session } = await resolveSession({
      auth: deps.auth,
      db: deps.db,
      headers: toHeaders(request.headers),
      clock: deps.clock,
    });
    const result = await completeGoogleConnect({
      db: deps.db,
      google,
      secrets: deps.secrets,
      jobs: deps.jobs,
      events: deps.events,
      clock: deps.clock,
      actorId: session?.userId ?? null,
      query,
      log: request.log,
    });
    request.log.info({ outcome: result.outcome }, "Google calendar connect finished");
    return reply.redirect(result.redirectTo, 303);
  });
}
