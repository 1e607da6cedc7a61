import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { createTodoistClient, staticTodoistAuth } from "../api/todoist-client.ts";
import type { TodoistUser } from "../api/todoist-objects.ts";
import { TodoistAuthError, TodoistRateLimitError } from "../api/todoist-request-errors.ts";
import type { ConnectTodoistInput, TodoistStatusDto } from "../schemas.ts";
import type { TodoistConfig } from "../todoist-config.ts";
import { todoistRateLimited, todoistTokenInvalid, todoistUnavailable } from "../todoist-errors.ts";
import { getTodoistStatus } from "./get-todoist-status.ts";
import { storeTodoistConnection } from "./store-todoist-connection.ts";

/**
 * Connects Todoist with a personal API token pasted in Settings. The token is checked with ONE
 * call (GET /api/v1/user) before anything is stored: a refused token is todoist.token_invalid
 * and leaves no trace. Then the connection is stored (token sealed) and the first import queued.
 */
export async function connectTodoistWithToken({
  db,
  config,
  secrets,
  clock,
  jobs,
  actorId,
  input,
}: {
  db: Db;
  config: TodoistConfig;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
  actorId: string;
  input: ConnectTodoistInput;
}): Promise<TodoistStatusDto> {
  const user = await fetchTodoistUser(config, input.apiToken);
  await storeTodoistConnection({
    db,
    secrets,
    clock,
    jobs,
    userId: actorId,
    user,
    authKind: "token",
    grant: { accessToken: input.apiToken, refreshToken: null, expiresInSeconds: null },
  });
  return getTodoistStatus({ db, config, actorId, clock });
}

/** Who a token belongs to, with Todoist's refusals as the DomainErrors a person can act on. */
async function fetchTodoistUser(config: TodoistConfig, token: string): Promise<TodoistUser> {
  // One attempt: a person waits for this answer, and a refused token must not be asked again.
  const client = createTodoistClient({ apiOrigin: config.apiOrigin, auth: staticTodoistAuth(token), maxAttempts: 1 });
  try {
    return await client.getUser();
  } catch (error) {
    if (error instanceof TodoistAuthError) throw todoistTokenInvalid(error);
    if (error instanceof TodoistRateLimitError) throw todoistRateLimited(error.retryAfterSeconds, error);
    throw todoistUnavailable(
      error instanceof Error && "reason" in error ? String(error.reason) : "it gave no usable answer",
      error,
    );
  }
}
