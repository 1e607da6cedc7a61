import type { AccountState, DueInput, NewTask, TaskPatch } from "./account-state.ts";
import { type TodoistError, TodoistFailure } from "./todoist-errors.ts";

export type SyncCommand = { type: string; uuid: string; temp_id?: string; args?: Record<string, unknown> };

export type CommandsResult = {
  sync_status: Record<string, "ok" | TodoistError>;
  temp_id_mapping: Record<string, string>;
};

type Args = Record<string, unknown>;

const str = (args: Args, name: string): string => {
  const value = args[name];
  if (value === undefined || value === null || value === "")
    throw new TodoistFailure("argumentMissing", { argument: name });
  if (typeof value !== "string") throw new TodoistFailure("invalidArgument", { argument: name });
  return value;
};

const optionalRef = (state: AccountState, args: Args, name: string): string | null | undefined => {
  const value = args[name];
  if (value === undefined || value === null) return value as null | undefined;
  if (typeof value !== "string") throw new TodoistFailure("invalidArgument", { argument: name });
  return state.resolve(value);
};

/** Commands that create an object answer its real id under the command's temp_id. */
const HANDLERS: Record<string, (state: AccountState, args: Args) => string | undefined> = {
  item_add: (state, args) =>
    state.addTask({
      ...(args as NewTask),
      content: args.content as string,
      project_id: optionalRef(state, args, "project_id") ?? undefined,
      section_id: optionalRef(state, args, "section_id"),
      parent_id: optionalRef(state, args, "parent_id"),
    }).id,
  item_update: (state, args) => {
    const { id: _id, ...patch } = args;
    state.updateTask(str(args, "id"), patch as TaskPatch);
    return undefined;
  },
  item_close: (state, args) => {
    state.closeTask(str(args, "id"));
    return undefined;
  },
  item_complete: (state, args) => {
    const at = args.completed_at ?? args.date_completed;
    state.completeTask(str(args, "id"), typeof at === "string" ? at : undefined);
    return undefined;
  },
  item_update_date_complete: (state, args) => {
    if (!args.due || typeof args.due !== "object") throw new TodoistFailure("argumentMissing", { argument: "due" });
    state.completeOccurrence(str(args, "id"), args.due as DueInput);
    return undefined;
  },
  item_uncomplete: (state, args) => {
    state.reopenTask(str(args, "id"));
    return undefined;
  },
  item_reopen: (state, args) => {
    state.reopenTask(str(args, "id"));
    return undefined;
  },
  item_delete: (state, args) => {
    state.deleteTask(str(args, "id"));
    return undefined;
  },
  item_move: (state, args) => {
    const to: { project_id?: string; section_id?: string | null; parent_id?: string | null } = {};
    for (const key of ["project_id", "section_id", "parent_id"] as const) {
      const value = optionalRef(state, args, key);
      if (value !== undefined && value !== null) to[key] = value;
    }
    state.moveTask(str(args, "id"), to);
    return undefined;
  },
  project_add: (state, args) =>
    state.addProject({
      name: args.name as string,
      parent_id: optionalRef(state, args, "parent_id"),
      ...(typeof args.color === "string" ? { color: args.color } : {}),
    }).id,
  section_add: (state, args) => state.addSection({ name: args.name as string, project_id: str(args, "project_id") }).id,
  label_add: (state, args) => state.addLabel({ name: args.name as string }).id,
};

export const SUPPORTED_COMMANDS = Object.keys(HANDLERS);

/**
 * Applies commands in order, each on its own (a failed one does not stop the others, as in
 * Todoist). A uuid seen before is not applied again: it answers the status it got the first
 * time, and its temp_id mapping again, so a client retrying after a lost answer is safe.
 */
export function applyCommands(state: AccountState, commands: SyncCommand[]): CommandsResult {
  const result: CommandsResult = { sync_status: {}, temp_id_mapping: {} };
  for (const command of commands) {
    const uuid = typeof command?.uuid === "string" ? command.uuid : "";
    if (!uuid) continue;
    const seen = state.appliedCommands.get(uuid);
    if (seen) {
      result.sync_status[uuid] = seen.status as "ok" | TodoistError;
      Object.assign(result.temp_id_mapping, seen.tempIds);
      continue;
    }
    const tempIds: Record<string, string> = {};
    let status: "ok" | TodoistError = "ok";
    try {
      const handler = HANDLERS[command.type];
      if (!handler) throw new TodoistFailure("unknownCommand", { command: command.type });
      if (command.temp_id && state.tempIds.has(command.temp_id)) throw new TodoistFailure("invalidTempId");
      const createdId = handler(state, (command.args ?? {}) as Args);
      if (createdId && command.temp_id) {
        state.tempIds.set(command.temp_id, createdId);
        tempIds[command.temp_id] = createdId;
      }
    } catch (error) {
      if (!(error instanceof TodoistFailure)) throw error;
      status = error.toJSON();
    }
    state.appliedCommands.set(uuid, { status, tempIds });
    result.sync_status[uuid] = status;
    Object.assign(result.temp_id_mapping, tempIds);
  }
  return result;
}
