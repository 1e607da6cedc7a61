import Fastify from "fastify";
import type { Completion, NewTask, TaskPatch } from "./account-state.ts";
import { registerApiRoutes } from "./api-routes.ts";
import {
  FakeTodoistCore,
  type FakeTodoistOptions,
  type NewAccount,
  type RecordedRequest,
} from "./fake-todoist-core.ts";
import type { Fault } from "./faults.ts";
import { registerOAuthRoutes } from "./oauth-routes.ts";
import { type GenerateOptions, generateAccount, type SeededIds, type SeedSpec, seedAccount } from "./seed.ts";
import type { TodoistLabel, TodoistProject, TodoistSection, TodoistTask, TodoistUser } from "./todoist-types.ts";

export type { FakeTodoistOptions };

/** A running fake Todoist and the handles tests use to arrange, inspect and break it. */
export type FakeTodoist = {
  /** The one origin to give the server as TODOIST_BASE_URL (OAuth pages and /api/v1 alike). */
  url: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;

  /** The account the consent page offers first (ada@example.com unless told otherwise). */
  defaultEmail: string;
  /** Adds an account with its Inbox; an existing email returns that account. */
  addAccount(input: NewAccount): TodoistUser;
  user(email: string): TodoistUser;
  /** A personal API token for the account, as pasted from Todoist's settings (never expires). */
  issueToken(email?: string): string;
  /** GET /oauth/authorize approves at once for this account (false: show the consent page again). */
  setAutoApprove(email: string | false): void;
  /** Every access token issued so far (for one account, when given) answers 401 from now on. */
  expireAccessTokens(email?: string): void;

  /** Projects with sub-projects, sections, labels and tasks with sub-tasks, in one call. */
  seed(email: string, spec: SeedSpec): SeededIds;
  /** Many tasks at once (e.g. 3 projects / 200 tasks / 10 recurring, or 5,000). */
  generate(email: string, options?: GenerateOptions): { projectIds: string[]; taskIds: string[] };
  addProject(email: string, input: { name: string; parent_id?: string | null }): TodoistProject;
  addSection(email: string, input: { name: string; project_id: string }): TodoistSection;
  addLabel(email: string, input: { name: string }): TodoistLabel;
  addTask(email: string, input: NewTask): TodoistTask;
  /** Changes as a person makes them in Todoist's app; each is seen by the next incremental sync. */
  updateTask(email: string, id: string, patch: TaskPatch): TodoistTask;
  /** Ticks the task in Todoist: a recurring one moves to its next occurrence, any other is completed. */
  closeTask(email: string, id: string): TodoistTask;
  reopenTask(email: string, id: string): TodoistTask;
  deleteTask(email: string, id: string): void;
  moveTask(
    email: string,
    id: string,
    to: { project_id?: string; section_id?: string; parent_id?: string },
  ): TodoistTask;

  /** The account's tasks (open ones unless told otherwise; deleted ones never). */
  tasks(email: string, options?: { includeCompleted?: boolean }): TodoistTask[];
  task(email: string, id: string): TodoistTask | undefined;
  projects(email: string): TodoistProject[];
  sections(email: string): TodoistSection[];
  labels(email: string): TodoistLabel[];
  /** Every completion, recurring ones included (the task as it was when closed). */
  completions(email: string): Completion[];

  /** The next matching requests (default: the next /api/v1 request) fail with 429 or a 5xx. */
  failNext(fault: Fault): void;
  clearFaults(): void;
  /** Every request the fake received, in order. */
  requests: RecordedRequest[];
  clearRequests(): void;
};

export async function startFakeTodoist(options: FakeTodoistOptions = {}): Promise<FakeTodoist> {
  const core = new FakeTodoistCore(options);
  const app = Fastify({ logger: false, forceCloseConnections: true });

  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addHook("onRequest", async (request, reply) => {
    const url = new URL(request.url, "http://fake");
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
    };
    core.requests.push(recorded);
    reply.raw.once("finish", () => {
      recorded.status = reply.statusCode;
    });
    if (core.faults.intercept(request.method, url.pathname, reply)) return reply;
  });
  app.addHook("preValidation", async (request) => {
    const recorded = core.requests.at(-1);
    if (request.url.startsWith("/api/v1/sync") && recorded?.path === "/api/v1/sync") {
      recorded.commands = commandTypes(request.body);
    }
  });
  registerOAuthRoutes(app, core);
  registerApiRoutes(app, core);

  await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("The fake Todoist has no TCP address.");
  core.origin = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;

  const account = (email: string) => core.account(email);
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    url: core.origin,
    clientId: core.clientId,
    clientSecret: core.clientSecret,
    close: () => app.close(),
    defaultEmail: core.defaultEmail,
    addAccount: (input) => copy(core.addAccount(input).user),
    user: (email) => copy(account(email).user),
    issueToken: (email = core.defaultEmail) => core.issuePersonalToken(email),
    setAutoApprove: (email) => {
      core.autoApprove = email === false ? undefined : core.addAccount({ email }).user.email;
    },
    expireAccessTokens: (email) => {
      for (const [token, access] of core.accessTokens) {
        if (!email || access.email === email.toLowerCase()) core.accessTokens.delete(token);
      }
    },
    seed: (email, spec) => seedAccount(account(email), spec),
    generate: (email, generateOptions) => generateAccount(account(email), generateOptions),
    addProject: (email, input) => copy(account(email).addProject(input)),
    addSection: (email, input) => copy(account(email).addSection(input)),
    addLabel: (email, input) => copy(account(email).addLabel(input)),
    addTask: (email, input) => copy(account(email).addTask(input)),
    updateTask: (email, id, patch) => copy(account(email).updateTask(id, patch)),
    closeTask: (email, id) => copy(account(email).closeTask(id)),
    reopenTask: (email, id) => copy(account(email).reopenTask(id)),
    deleteTask: (email, id) => account(email).deleteTask(id),
    moveTask: (email, id, to) => copy(account(email).moveTask(id, to)),
    tasks: (email, taskOptions) =>
      copy(
        [...account(email).tasks.values()].filter(
          (task) => !task.is_deleted && (taskOptions?.includeCompleted || !task.checked),
        ),
      ),
    task: (email, id) => {
      const task = account(email).tasks.get(id);
      return task && !task.is_deleted ? copy(task) : undefined;
    },
    projects: (email) => copy([...account(email).projects.values()].filter((project) => !project.is_deleted)),
    sections: (email) => copy([...account(email).sections.values()].filter((section) => !section.is_deleted)),
    labels: (email) => copy([...account(email).labels.values()].filter((label) => !label.is_deleted)),
    completions: (email) => copy(account(email).completions),
    failNext: (fault) => core.faults.add(fault),
    clearFaults: () => core.faults.clear(),
    requests: core.requests,
    clearRequests: () => {
      core.requests.length = 0;
    },
  };
}

function commandTypes(body: unknown): string[] | undefined {
  let commands = (body as { commands?: unknown } | undefined)?.commands;
  if (typeof commands === "string") {
    try {
      commands = JSON.parse(commands);
    } catch {
      return undefined;
    }
  }
  return Array.isArray(commands) ? commands.map((command) => String((command as { type?: unknown })?.type)) : undefined;
}
