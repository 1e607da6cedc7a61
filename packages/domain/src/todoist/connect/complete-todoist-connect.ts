import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { WarningLog } from "../../shared/log.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { createTodoistClient, staticTodoistAuth } from "../api/todoist-client.ts";
import type { TodoistUser } from "../api/todoist-objects.ts";
import type { TodoistConfig } from "../todoist-config.ts";
import { DEFAULT_TODOIST_RETURN_TO } from "./create-todoist-connect-url.ts";
import { storeTodoistConnection } from "./store-todoist-connection.ts";
import { exchangeTodoistCode, type TodoistGrant } from "./todoist-oauth-requests.ts";

/** What Todoist sent back to the callback route (its query string). */
export type TodoistCallbackQuery = { code?: string; state?: string; error?: string };

/** `?todoist=connected`, or `?todoist=error&reason=<why>` on the app path the person came from. */
export type TodoistConnectOutcome = "connected" | "error";
export type TodoistConnectReason = "expired" | "denied" | "failed" | "not_configured";
export type TodoistConnectResult = {
  redirectTo: string;
  outcome: TodoistConnectOutcome;
  reason?: TodoistConnectReason;
};

/**
 * Finishes "Connect Todoist" through OAuth when Todoist sends the browser back: checks the
 * state (one use, unexpired, the same signed-in person), exchanges the code (form POST to
 * /oauth/access_token), learns the account (GET /api/v1/user), then stores the connection
 * (tokens sealed, authKind "oauth") and queues the first import. Todoist is called before the
 * transaction, never inside it. Never throws for what Todoist or the browser sent: the result
 * says where to send the person and what to tell them.
 */
export async function completeTodoistConnect({
  db,
  config,
  secrets,
  clock,
  jobs,
  actorId,
  query,
  log,
}: {
  db: Db;
  config: TodoistConfig;
  secrets: SecretKeyring;
  clock: Clock;
  jobs: JobSender;
  /** The signed-in person making the request; null when signed out. */
  actorId: string | null;
  query: TodoistCallbackQuery;
  log?: WarningLog;
}): Promise<TodoistConnectResult> {
  const state = query.state ? await db.todoistOAuthState.findUnique({ where: { id: query.state } }) : null;
  if (!state || state.expiresAt <= clock.now()) return outcome(state?.returnTo, "error", "expired");
  // Another person's (or nobody's) browser must not finish this person's authorization.
  if (state.userId !== actorId) return outcome(undefined, "error", "failed");
  // One use: a replayed callback finds nothing.
  await db.todoistOAuthState.deleteMany({ where: { id: state.id } });
  const { returnTo } = state;
  if (!config.oauth) return outcome(returnTo, "error", "not_configured");
  if (query.error) return outcome(returnTo, "error", query.error === "access_denied" ? "denied" : "failed");
  if (!query.code) return outcome(returnTo, "error", "failed");

  let grant: TodoistGrant;
  let user: TodoistUser;
  try {
    grant = await exchangeTodoistCode(config, config.oauth, query.code);
    user = await createTodoistClient({
      apiOrigin: config.apiOrigin,
      auth: staticTodoistAuth(grant.accessToken),
      maxAttempts: 2,
    }).getUser();
  } catch (error) {
    // The message only: the request (with the code and the client secret) stays out of the log.
    log?.warn(
      { todoist: { message: error instanceof Error ? error.message : String(error) } },
      "Todoist connect failed",
    );
    return outcome(returnTo, "error", "failed");
  }
  await storeTodoistConnection({ db, secrets, clock, jobs, userId: state.userId, user, authKind: "oauth", grant });
  return outcome(returnTo, "connected");
}

function outcome(
  returnTo: string | undefined,
  result: TodoistConnectOutcome,
  reason?: TodoistConnectReason,
): TodoistConnectResult {
  // A dummy origin only to edit the query; the result is a path of this app again.
  const url = new URL(returnTo ?? DEFAULT_TODOIST_RETURN_TO, "http://app.invalid");
  // "/a/..//evil.example" resolves to a path a browser reads as another site: never redirect there.
  if (url.pathname.startsWith("//")) url.pathname = DEFAULT_TODOIST_RETURN_TO;
  url.searchParams.set("todoist", result);
  if (reason) url.searchParams.set("reason", reason);
  return { redirectTo: `${url.pathname}${url.search}${url.hash}`, outcome: result, ...(reason ? { reason } : {}) };
}
