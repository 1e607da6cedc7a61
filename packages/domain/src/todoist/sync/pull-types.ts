import type { TodoistPhase, TodoistSyncResult } from "../schemas.ts";

export type PullResult = Omit<TodoistSyncResult, "pushed">;
export type OnProgress = (progress: { phase: TodoistPhase; done: number; total: number }) => Promise<void> | void;
