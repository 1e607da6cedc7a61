import type { z } from "zod";
import {
  type TodoistItem,
  type TodoistSyncCommand,
  type TodoistSyncResponse,
  type TodoistUser,
  ZTodoistCompletedPage,
  ZTodoistErrorBody,
  ZTodoistSyncResponse,
  ZTodoistUser,
} from "./todoist-objects.ts";
import {
  TodoistAuthError,
  TodoistRateLimitError,
  TodoistRejectedError,
  TodoistUnavailableError,
} from "./todoist-request-errors.ts";

/** Where the access token comes from; `refresh` (OAuth only) answers a new one after a 401, or null. */
export type TodoistAuth = {
  token(): Promise<string>;
  refresh?(): Promise<string | null>;
};

/** A fixed token: a personal API token, or an OAuth token in tests. */
export function staticTodoistAuth(token: string): TodoistAuth {
  return { token: async () => token };
}

export type TodoistClient = {
  /** GET /api/v1/user: who the token belongs to (connecting validates the token with it). */
  getUser(): Promise<TodoistUser>;
  /**
   * POST /api/v1/sync. `syncToken` "*" is a full sync; `commands` are applied before the read,
   * each once per uuid however often it is sent.
   */
  sync(input: {
    syncToken: string;
    resourceTypes: readonly string[];
    commands?: readonly TodoistSyncCommand[];
  }): Promise<TodoistSyncResponse>;
  /** GET /api/v1/tasks/completed/by_completion_date, one page (recurring completions included). */
  completedTasks(input: { since: Date; until: Date; cursor?: string | null; limit?: number }): Promise<{
    items: TodoistItem[];
    nextCursor: string | null;
  }>;
  /** How many HTTP requests this client made (what "requests per sync" counts). */
  readonly requestCount: number;
};

export type TodoistClientOptions = {
  /** https://api.todoist.com, or TODOIST_BASE_URL's origin. */
  apiOrigin: string;
  auth: TodoistAuth;
  signal?: AbortSignal;
  /** A 429 whose Retry-After is at most this is waited out here; a longer one throws TodoistRateLimitError. */
  maxRetryAfterSeconds?: number;
  /** Attempts per request for 429 and 5xx (the first included). */
  maxAttempts?: number;
  /** Tests shorten the 5xx backoff (base delay, doubled per attempt). */
  backoffMs?: number;
};

const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_MAX_RETRY_AFTER_SECONDS = 30;
const DEFAULT_BACKOFF_MS = 1_000;
/** Todoist's answer when a 429 names no Retry-After. */
const RETRY_AFTER_WITHOUT_HEADER_SECONDS = 60;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A small client for Todoist's unified API v1 over fetch, with zod-checked answers.
 * Why not @doist/todoist-sdk: its last Node 20 release (11.x) hides Retry-After and the
 * sync_status of commands behind its own errors, and the sync engine needs both.
 * The retry loop is ours for the same reason: 429 must wait exactly Retry-After, while a
 * 5xx backs off, and a 401 refreshes the OAuth token once.
 */
export function createTodoistClient(options: TodoistClientOptions): TodoistClient {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  let requestCount = 0;

  async function send(path: string, init: { method: "GET" | "POST"; body?: unknown }, token: string) {
    requestCount += 1;
    const signals = [AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...(options.signal ? [options.signal] : [])];
    return fetch(new URL(path, options.apiOrigin), {
      method: init.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.any(signals),
    });
  }

  async function request<T>(path: string, init: { method: "GET" | "POST"; body?: unknown }, schema: z.ZodType<T>) {
    let token = await options.auth.token();
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await send(path, init, token);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (attempt >= maxAttempts) throw new TodoistUnavailableError("it could not be reached", { cause: error });
        await wait(backoffMs * 2 ** (attempt - 1), options.signal);
        continue;
      }
      if (response.ok) return schema.parse(await response.json());
      const body = await response.text();
      if ((response.status === 401 || response.status === 403) && !refreshed && options.auth.refresh) {
        refreshed = true;
        const next = await options.auth.refresh();
        if (next) {
          token = next;
          continue;
        }
      }
      if (response.status === 401 || response.status === 403) throw new TodoistAuthError(response.status);
      if (response.status === 429) {
        const retryAfter = retryAfterSeconds(response.headers.get("retry-after"));
        if (attempt >= maxAttempts || retryAfter > maxRetryAfter) throw new TodoistRateLimitError(retryAfter);
        await wait(retryAfter * 1000, options.signal);
        continue;
      }
      if (response.status >= 500) {
        if (attempt >= maxAttempts) throw new TodoistUnavailableError(`it answered ${response.status}`);
        await wait(backoffMs * 2 ** (attempt - 1), options.signal);
        continue;
      }
      const error = ZTodoistErrorBody.safeParse(safeJson(body));
      throw new TodoistRejectedError(
        response.status,
        error.success ? (error.data.error_tag ?? null) : null,
        error.success ? (error.data.error ?? "") : "",
      );
    }
  }

  return {
    get requestCount() {
      return requestCount;
    },
    getUser: () => request("/api/v1/user", { method: "GET" }, ZTodoistUser),
    sync: ({ syncToken, resourceTypes, commands }) =>
      request(
        "/api/v1/sync",
        {
          method: "POST",
          body: { sync_token: syncToken, resource_types: resourceTypes, ...(commands ? { commands } : {}) },
        },
        ZTodoistSyncResponse,
      ),
    completedTasks: async ({ since, until, cursor, limit = 200 }) => {
      const query = new URLSearchParams({
        since: since.toISOString(),
        until: until.toISOString(),
        limit: String(limit),
      });
      if (cursor) query.set("cursor", cursor);
      const page = await request(
        `/api/v1/tasks/completed/by_completion_date?${query}`,
        { method: "GET" },
        ZTodoistCompletedPage,
      );
      return { items: page.items, nextCursor: page.next_cursor ?? null };
    },
  };
}

function retryAfterSeconds(header: string | null): number {
  const seconds = Number(header);
  return header !== null && Number.isFinite(seconds) && seconds >= 0 ? seconds : RETRY_AFTER_WITHOUT_HEADER_SECONDS;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
