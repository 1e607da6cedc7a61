import { inject } from "vitest";

/**
 * The web tests' server points TODOIST_BASE_URL at a port where todoist.e2e.test.ts starts the
 * in-repo fake Todoist itself (startFakeTodoist({ port: fakeTodoistPort() })), so the test holds
 * the fake's handles (seed an account, tick a task in "Todoist").
 */
export function todoistServerEnv(fakeTodoistPort: number): Record<string, string> {
  return { TODOIST_BASE_URL: `http://127.0.0.1:${fakeTodoistPort}` };
}

/** Where this run's fake Todoist must listen. */
export function fakeTodoistPort(): number {
  return inject("fakeTodoistPort");
}
