/** Todoist refused the token (401/403) and no refresh helped: the person must connect again. */
export class TodoistAuthError extends Error {
  constructor(readonly status: number) {
    super(`Todoist refused the access token (${status})`);
    this.name = "TodoistAuthError";
  }
}

/** 429 past what the client waits for itself: try again after `retryAfterSeconds`. */
export class TodoistRateLimitError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Todoist asked to wait ${retryAfterSeconds} s (429)`);
    this.name = "TodoistRateLimitError";
  }
}

/** 5xx or no answer, after the client's own retries: Todoist is down for now. */
export class TodoistUnavailableError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Todoist is unavailable: ${reason}`, options);
    this.name = "TodoistUnavailableError";
  }
}

/** Another 4xx: our request was wrong (e.g. an expired sync_token); `tag` is Todoist's error_tag. */
export class TodoistRejectedError extends Error {
  constructor(
    readonly status: number,
    readonly tag: string | null,
    message: string,
  ) {
    super(`Todoist rejected the request (${status} ${tag ?? ""}): ${message}`);
    this.name = "TodoistRejectedError";
  }
}
