import { describe, expect, it } from "vitest";
import { AFTER_CONNECT_WATCH_MS, TODOIST_POLL_MS, todoistPollInterval } from "./todoist-poll.ts";
import type { TodoistStatus } from "./todoist-types.ts";

const NOW = Date.parse("2026-12-02T10:00:00Z");
const idle = { syncing: false, watchUntil: NOW + AFTER_CONNECT_WATCH_MS, now: NOW };

function status(overrides: Partial<TodoistStatus> = {}): TodoistStatus {
  return {
    connected: true,
    account: { email: "ada@example.com", name: "Ada" },
    authKind: "token",
    needsReconnect: false,
    lastSyncedAt: new Date(NOW - 60_000),
    lastError: null,
    running: null,
    lastResult: null,
    unmapped: [],
    oauthAvailable: false,
    ...overrides,
  };
}

describe("when the Todoist card reads the status again", () => {
  it("every second while a run goes or Sync now waits for its answer", () => {
    expect(todoistPollInterval(status({ running: { phase: "tasks", done: 1, total: 9 } }), idle)).toBe(TODOIST_POLL_MS);
    expect(todoistPollInterval(status(), { ...idle, syncing: true })).toBe(TODOIST_POLL_MS);
  });

  it("every second while the first import after connecting is awaited, for a while only", () => {
    const fresh = status({ lastSyncedAt: null });
    expect(todoistPollInterval(fresh, idle)).toBe(TODOIST_POLL_MS);
    expect(todoistPollInterval(fresh, { ...idle, now: NOW + AFTER_CONNECT_WATCH_MS + 1 })).toBe(false);
    // A first run that failed is not awaited any more: its error is shown.
    expect(todoistPollInterval(status({ lastSyncedAt: null, lastError: "Todoist could not be reached" }), idle)).toBe(
      false,
    );
  });

  it("never while idle, not connected, or not loaded yet", () => {
    expect(todoistPollInterval(status(), idle)).toBe(false);
    expect(todoistPollInterval(status({ connected: false, account: null, lastSyncedAt: null }), idle)).toBe(false);
    expect(todoistPollInterval(undefined, idle)).toBe(false);
  });
});
