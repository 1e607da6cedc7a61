import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { TodoistClient } from "../api/todoist-client.ts";
import type { OnProgress } from "./pull-todoist-changes.ts";

/**
 * Sends local changes of linked tasks (links marked dirty) to Todoist as sync commands, each
 * with a uuid stored before it is sent. Runs after the pull. CONTRACT ONLY: helper tdpush builds it.
 */
export async function pushTodoistChanges(_input: {
  db: Db;
  client: TodoistClient;
  clock: Clock;
  connectionId: string;
  onProgress?: OnProgress;
  signal?: AbortSignal;
}): Promise<{ pushed: number }> {
  throw new Error("pushTodoistChanges is not built yet");
}
