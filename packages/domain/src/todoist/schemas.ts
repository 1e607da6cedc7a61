import { z } from "zod";
import { ZReturnTo } from "../shared/return-to.ts";
import { ZText } from "../shared/text.ts";

export const ZConnectTodoistInput = z.object({
  /** A personal API token from Todoist's Settings → Integrations → Developer. */
  apiToken: ZText.trim()
    .min(1, "Paste your Todoist API token")
    .max(200, "That is too long for a Todoist API token")
    .regex(/^[A-Za-z0-9_-]*$/, "A Todoist API token has only letters, digits, - and _"),
});
export type ConnectTodoistInput = z.infer<typeof ZConnectTodoistInput>;

export const ZTodoistConnectUrlInput = z
  .object({
    /** A path in the web app to come back to afterwards (default /settings). */
    returnTo: ZReturnTo.optional(),
  })
  .default({});
export type TodoistConnectUrlInput = z.infer<typeof ZTodoistConnectUrlInput>;

export const ZTodoistConnectUrl = z.object({ url: z.url() });

export const ZDisconnectTodoistInput = z.object({
  /** true: imported tasks and projects stay (without the Todoist mark); false: they are deleted here (never in Todoist). */
  keepTasks: z.boolean(),
});
export type DisconnectTodoistInput = z.infer<typeof ZDisconnectTodoistInput>;

/** A Todoist task whose recurring due string is not planned as a repeat, and why. */
export const ZUnmappedTask = z.object({
  /** The local task (null if it was deleted here since). */
  taskId: z.uuid().nullable(),
  todoistId: z.string(),
  /** Todoist's due string as written, e.g. "every 2nd weekday of the month". */
  text: z.string(),
  reason: z.string(),
});
export type UnmappedTaskDto = z.infer<typeof ZUnmappedTask>;

/** What one import or incremental sync did. */
export const ZTodoistSyncResult = z.object({
  /** Todoist projects seen in this run. */
  projects: z.number().int(),
  /** Todoist tasks seen in this run. */
  tasks: z.number().int(),
  /** Local tasks created, updated, completed and deleted from Todoist's side. */
  created: z.number().int(),
  updated: z.number().int(),
  completed: z.number().int(),
  deleted: z.number().int(),
  /** Local changes sent to Todoist in this run. */
  pushed: z.number().int(),
  /** Fields changed on both sides since the last sync: which side won (the later change). */
  conflicts: z.array(
    z.object({
      taskId: z.uuid().nullable(),
      todoistId: z.string(),
      field: z.string(),
      winner: z.enum(["agendacraft", "todoist"]),
    }),
  ),
  /** Tasks seen in this run whose recurrence is not mapped. */
  unmapped: z.array(ZUnmappedTask),
  /** Durations or other values that could not be kept as they were, in words (never silently truncated). */
  notes: z.array(z.object({ todoistId: z.string(), taskId: z.uuid().nullable(), note: z.string() })),
});
export type TodoistSyncResult = z.infer<typeof ZTodoistSyncResult>;

export const ZTodoistPhase = z.enum(["push", "projects", "tasks", "completed"]);
export type TodoistPhase = z.infer<typeof ZTodoistPhase>;

export const ZTodoistRunning = z.object({ phase: ZTodoistPhase, done: z.number().int(), total: z.number().int() });
export type TodoistRunning = z.infer<typeof ZTodoistRunning>;

/** What a running sync is doing, in words (the web's card and `pnpm ac todoist import` say the same). */
export function todoistPhaseWords({ phase, done, total }: TodoistRunning): string {
  switch (phase) {
    case "push":
      return "Sending your changes";
    case "projects":
      return "Reading projects";
    case "tasks":
      return total > 0 ? `Importing tasks ${done} of ${total}` : "Importing tasks";
    case "completed":
      return "Reading completed tasks";
  }
}

export const ZTodoistStatus = z.object({
  connected: z.boolean(),
  /** The Todoist account; null when not connected. */
  account: z.object({ email: z.string(), name: z.string() }).nullable(),
  /** "token" or "oauth"; null when not connected. */
  authKind: z.enum(["token", "oauth"]).nullable(),
  /** The connection needs the person (the token was refused). */
  needsReconnect: z.boolean(),
  lastSyncedAt: z.date().nullable(),
  /** Why the last sync failed, in words; null again after a success. */
  lastError: z.string().nullable(),
  running: ZTodoistRunning.nullable(),
  lastResult: ZTodoistSyncResult.omit({ unmapped: true }).nullable(),
  /** Every linked task whose recurrence is not mapped, across runs. */
  unmapped: z.array(ZUnmappedTask),
  /** Whether this server can connect through Todoist's consent page (TODOIST_CLIENT_ID is set). */
  oauthAvailable: z.boolean(),
});
export type TodoistStatusDto = z.infer<typeof ZTodoistStatus>;

/**
 * `todoist.sync()`: the run's result when it finished within the wait (`running` null); when it
 * is still going, `running` says how far it is and the counts are zero (todoist.status() has the
 * result once it ends).
 */
export const ZTodoistSyncAnswer = ZTodoistSyncResult.extend({ running: ZTodoistRunning.nullable() });
export type TodoistSyncAnswer = z.infer<typeof ZTodoistSyncAnswer>;
