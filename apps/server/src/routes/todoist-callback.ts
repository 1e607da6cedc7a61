import { type ServerDeps, toHeaders } from "@agendacraft/api/context";
import { resolveSession } from "@agendacraft/domain/iam";
import { completeTodoistConnect, TODOIST_CALLBACK_PATH } from "@agendacraft/domain/todoist";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { clientFailure, sendFailure } from "./error-replies.ts";

/** Todoist's callback parameters; anything else in the query is ignored. */
const ZCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

/**
 * Where Todoist sends the browser back after "Connect Todoist"
 * (`${publicOrigin}/api/integrations/todoist/callback`, the OAuth app's redirect URL). Todoist's
 * top-level redirect carries the SameSite=Lax session cookie, which must be the person who
 * asked for the connect URL. Always ends in a redirect to an app path that says how it went
 * (`?todoist=connected`, or `?todoist=error&reason=expired|denied|failed`), never a 500 page.
 */
export function registerTodoistCallbackRoute(app: FastifyInstance, deps: ServerDeps) {
  app.get(TODOIST_CALLBACK_PATH, async (request, reply) => {
    const config = deps.todoist;
    if (!config?.oauth) return sendFailure(request, reply, clientFailure(404));
    const parsed = ZCallbackQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : {};
    const { session } = await resolveSession({
      auth: deps.auth,
      db: deps.db,
      headers: toHeaders(request.headers),
      clock: deps.clock,
    });
    const result = await completeTodoistConnect({
      db: deps.db,
      config,
      secrets: deps.secrets,
      jobs: deps.jobs,
      clock: deps.clock,
      actorId: session?.userId ?? null,
      query,
      log: request.log,
    });
    request.log.info({ outcome: result.outcome, reason: result.reason }, "Todoist connect finished");
    return reply.redirect(result.redirectTo, 303);
  });
}
