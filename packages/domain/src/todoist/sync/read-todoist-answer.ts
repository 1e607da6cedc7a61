import type { TodoistClient } from "../api/todoist-client.ts";
import type { TodoistSyncResponse } from "../api/todoist-objects.ts";
import { TodoistRejectedError } from "../api/todoist-request-errors.ts";

export const PULL_RESOURCE_TYPES = ["projects", "sections", "labels", "items"] as const;

/**
 * One POST /api/v1/sync for everything the pull reads. Todoist answers 400 to a sync_token it
 * no longer accepts (too old, or from another account): then the pull starts over with a full
 * sync, which the links make safe (nothing is created twice).
 */
export async function readTodoistAnswer({
  client,
  syncToken,
}: {
  client: TodoistClient;
  syncToken: string;
}): Promise<{ answer: TodoistSyncResponse; reset: boolean }> {
  try {
    return { answer: await client.sync({ syncToken, resourceTypes: PULL_RESOURCE_TYPES }), reset: false };
  } catch (error) {
    if (!(error instanceof TodoistRejectedError) || error.status !== 400 || syncToken === "*") throw error;
    return { answer: await client.sync({ syncToken: "*", resourceTypes: PULL_RESOURCE_TYPES }), reset: true };
  }
}
