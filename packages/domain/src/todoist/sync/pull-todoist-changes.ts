import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { TodoistClient } from "../api/todoist-client.ts";
import type { TodoistPhase, TodoistSyncResult } from "../schemas.ts";

export type PullResult = Omit<TodoistSyncResult, "pushed">;
export type OnProgress = (progress: { phase: TodoistPhase; done: number; total: number }) => Promise<void> | void;

/**
 * Reads what changed in Todoist since the connection's sync_token ("*": everything) and
 * applies it here. CONTRACT ONLY: helper tdpull builds it.
 */
export async function pullTodoistChanges(_input: {
  db: Db;
  client: TodoistClient;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
  connectionId: string;
  onProgress?: OnProgress;
  signal?: AbortSignal;
}): Promise<PullResult> {
  throw new Error("pullTodoistChanges is not built yet");
}
