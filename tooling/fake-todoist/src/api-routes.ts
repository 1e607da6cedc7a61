import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AccountState } from "./account-state.ts";
import type { FakeTodoistCore } from "./fake-todoist-core.ts";
import { page } from "./paging.ts";
import { applyCommands, type SyncCommand } from "./sync-commands.ts";
import { readResourceTypes, readSync } from "./sync-read.ts";
import { sendError, TodoistFailure } from "./todoist-errors.ts";
import type { TodoistTask } from "./todoist-types.ts";

type Query = Record<string, string | undefined>;

declare module "fastify" {
  interface FastifyRequest {
    todoistAccount?: AccountState;
  }
}

const MAX_COMPLETED_RANGE_MS = 3 * 31 * 24 * 60 * 60 * 1000;

/** api.todoist.com/api/v1: the user, projects, sections, labels, tasks (paged), completed tasks, sync. */
export function registerApiRoutes(app: FastifyInstance, core: FakeTodoistCore): void {
  app.addHook("preHandler", async (request, reply) => {
    if (!request.url.startsWith("/api/v1/") || request.url.startsWith("/api/v1/revoke")) return;
    const header = request.headers.authorization ?? "";
    const token = /^Bearer (.+)$/i.exec(header)?.[1]?.trim() ?? "";
    const found = token ? core.authenticate(token) : undefined;
    if (!found) return sendError(reply, "unauthorized");
    // OAuth scopes: reading needs data:read (or data:read_write); writing needs data:read_write.
    const scopes = found.access.scope?.split(",").map((scope) => scope.trim());
    if (scopes) {
      const writes =
        request.method !== "GET" && !(request.url.startsWith("/api/v1/sync") && !hasCommands(request.body));
      const allowed = writes
        ? scopes.includes("data:read_write")
        : scopes.includes("data:read") || scopes.includes("data:read_write");
      if (!allowed) return sendError(reply, "insufficientScope");
    }
    request.todoistAccount = found.account;
  });

  // RFC 7009 revocation, as Todoist's /api/v1/revoke: the client authenticates, the token is forgotten.
  app.post("/api/v1/revoke", async (request, reply) => {
    const form = { ...((request.body ?? {}) as Record<string, unknown>) };
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const [basicId, basicSecret] = basic ? Buffer.from(basic, "base64").toString().split(":") : [];
    const clientId = basicId ?? form.client_id;
    const clientSecret = basicSecret ?? form.client_secret;
    if (clientId !== core.clientId || clientSecret !== core.clientSecret) {
      return reply.code(401).send({ error: "invalid_client" });
    }
    if (typeof form.token !== "string" || !form.token) return reply.code(400).send({ error: "invalid_request" });
    core.revoke(form.token);
    return reply.code(200).send();
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof TodoistFailure) return reply.code(error.toJSON().http_code).send(error.toJSON());
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) return sendError(reply, "invalidArgument", { explanation: (error as Error).message });
    return sendError(reply, "internal");
  });

  app.setNotFoundHandler((_request, reply) => sendError(reply, "notFound"));

  const account = (request: FastifyRequest) => request.todoistAccount as AccountState;
  const ordered = <T>(items: T[]) => items.map((item, index) => ({ order: index + 1, item }));

  app.get("/api/v1/user", async (request) => account(request).user);

  app.get("/api/v1/projects", async (request) => {
    const projects = [...account(request).projects.values()].filter((p) => !p.is_deleted && !p.is_archived);
    return results(page(ordered(projects), request.query as Query));
  });

  app.get("/api/v1/sections", async (request) => {
    const query = request.query as Query;
    const state = account(request);
    if (query.project_id) state.project(query.project_id);
    const sections = [...state.sections.values()].filter(
      (s) => !s.is_deleted && (!query.project_id || s.project_id === query.project_id),
    );
    return results(page(ordered(sections), query));
  });

  app.get("/api/v1/labels", async (request) => {
    const labels = [...account(request).labels.values()].filter((label) => !label.is_deleted);
    return results(page(ordered(labels.map(({ is_deleted: _deleted, ...label }) => label)), request.query as Query));
  });

  app.get("/api/v1/tasks", async (request) => {
    const query = request.query as Query;
    const state = account(request);
    const ids = query.ids ? new Set(query.ids.split(",").map((id) => id.trim())) : undefined;
    const matches = (task: TodoistTask) =>
      (!query.project_id || task.project_id === query.project_id) &&
      (!query.section_id || task.section_id === query.section_id) &&
      (!query.parent_id || task.parent_id === query.parent_id) &&
      (!query.label || task.labels.includes(query.label)) &&
      (!ids || ids.has(task.id));
    const tasks = state
      .activeTasks()
      .filter(matches)
      .map((task) => ({ order: state.taskOrder.get(task.id) ?? 0, item: task }));
    return results(page(tasks, query));
  });

  app.get("/api/v1/tasks/completed/by_completion_date", async (request) => {
    const query = request.query as Query;
    const since = readInstant(query.since, "since");
    const until = readInstant(query.until, "until");
    if (until.getTime() < since.getTime() || until.getTime() - since.getTime() > MAX_COMPLETED_RANGE_MS) {
      throw new TodoistFailure("invalidArgument", { argument: "until", explanation: "at most 3 months after since" });
    }
    const state = account(request);
    const completed = state.completions
      .map((completion, index) => ({ order: index + 1, completion }))
      .filter(({ completion }) => {
        const at = new Date(completion.completedAt).getTime();
        return (
          at >= since.getTime() &&
          at <= until.getTime() &&
          (!query.project_id || completion.task.project_id === query.project_id) &&
          (!query.section_id || completion.task.section_id === query.section_id) &&
          (!query.parent_id || completion.task.parent_id === query.parent_id)
        );
      })
      .map(({ order, completion }) => ({ order, item: completion.task }));
    const served = page(completed, query);
    return { items: served.items, next_cursor: served.next_cursor };
  });

  app.get("/api/v1/tasks/:id", async (request) => {
    const { id } = request.params as { id: string };
    return account(request).task(id);
  });

  app.post("/api/v1/tasks/:id/close", async (request, reply) => {
    account(request).closeTask((request.params as { id: string }).id);
    return reply.code(204).send();
  });

  app.post("/api/v1/tasks/:id/reopen", async (request, reply) => {
    account(request).reopenTask((request.params as { id: string }).id);
    return reply.code(204).send();
  });

  app.post("/api/v1/sync", async (request) => {
    const body = readSyncBody(request.body);
    const state = account(request);
    const response: Record<string, unknown> = {};
    if (body.commands !== undefined) {
      if (!Array.isArray(body.commands)) throw new TodoistFailure("invalidArgument", { argument: "commands" });
      Object.assign(response, applyCommands(state, body.commands as SyncCommand[]));
    }
    const types = readResourceTypes(body.resource_types);
    if (body.sync_token !== undefined || types.size > 0) {
      Object.assign(response, readSync(state, String(body.sync_token ?? "*"), types));
    } else {
      response.sync_token = readSync(state, "*", new Set()).sync_token;
    }
    response.temp_id_mapping ??= {};
    return response;
  });
}

function hasCommands(body: unknown): boolean {
  const commands = (body as { commands?: unknown } | undefined)?.commands;
  return typeof commands === "string"
    ? commands.trim() !== "[]" && commands.trim() !== ""
    : Array.isArray(commands) && commands.length > 0;
}

function results<T>(served: { items: T[]; next_cursor: string | null }) {
  return { results: served.items, next_cursor: served.next_cursor };
}

function readInstant(value: string | undefined, name: string): Date {
  if (!value) throw new TodoistFailure("argumentMissing", { argument: name });
  const instant = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(instant.getTime())) throw new TodoistFailure("invalidArgument", { argument: name });
  return instant;
}

/**
 * The sync body as JSON, or as a form whose `resource_types` and `commands` are JSON strings
 * (how curl examples and older clients send it).
 */
function readSyncBody(body: unknown): { sync_token?: unknown; resource_types?: unknown; commands?: unknown } {
  const source = (body ?? {}) as Record<string, unknown>;
  const parsed: Record<string, unknown> = { ...source };
  for (const key of ["resource_types", "commands"]) {
    const value = source[key];
    if (typeof value !== "string") continue;
    try {
      parsed[key] = JSON.parse(value);
    } catch {
      throw new TodoistFailure("invalidArgument", { argument: key });
    }
  }
  return parsed;
}
