import { randomBytes } from "node:crypto";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { TodoistConnectUrlInput } from "../schemas.ts";
import { TODOIST_OAUTH_SCOPE, type TodoistConfig } from "../todoist-config.ts";
import { todoistOAuthNotConfigured } from "../todoist-errors.ts";

/** How long a person has to answer Todoist's consent page. */
export const TODOIST_OAUTH_STATE_TTL_MS = 10 * 60_000;
export const DEFAULT_TODOIST_RETURN_TO = "/settings";

/**
 * Where the browser goes to let AgendaCraft read and write the person's Todoist. A random
 * `state` is kept in todoist_oauth_states for the callback (completeTodoistConnect), which must
 * come back within TODOIST_OAUTH_STATE_TTL_MS, from the same signed-in person.
 */
export async function createTodoistConnectUrl({
  db,
  config,
  clock,
  actorId,
  input,
}: {
  db: Db;
  config: TodoistConfig;
  clock: Clock;
  actorId: string;
  input: TodoistConnectUrlInput;
}): Promise<{ url: string }> {
  if (!config.oauth) throw todoistOAuthNotConfigured();
  const state = randomBytes(32).toString("base64url");
  const now = clock.now();
  // Expired states are of no use to anyone (their index makes this cheap): the table stays small.
  await db.todoistOAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.todoistOAuthState.create({
    data: {
      id: state,
      userId: actorId,
      returnTo: input?.returnTo ?? DEFAULT_TODOIST_RETURN_TO,
      expiresAt: new Date(now.getTime() + TODOIST_OAUTH_STATE_TTL_MS),
    },
  });
  const url = new URL("/oauth/authorize", config.webOrigin);
  url.searchParams.set("client_id", config.oauth.clientId);
  url.searchParams.set("scope", TODOIST_OAUTH_SCOPE);
  url.searchParams.set("state", state);
  url.searchParams.set("redirect_uri", config.oauth.redirectUri);
  return { url: url.toString() };
}
