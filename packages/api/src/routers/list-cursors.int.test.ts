import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { createTestUser, type TestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

const base64url = (text: string) => Buffer.from(text).toString("base64url");
const ID = "01936f5e-8a2b-7c3d-9e4f-0a1b2c3d4e5f";

/**
 * Cursors a client made up, or changed: each decodes far enough to reach a query in some
 * list (text where an id goes, a position past a 32-bit integer, a date that is no date),
 * where the database used to fail with a 500. Found by the HTTP fuzz suite.
 */
const FORGED = [
  "not-a-cursor",
  "------------------------------------",
  base64url(`1:${"-".repeat(36)}`),
  base64url(`${2 ** 40}:${ID}`),
  base64url(JSON.stringify({ order: 1, startTime: null, id: "not-an-id" })),
  base64url(JSON.stringify({ order: 1.5, startTime: null, id: ID })),
  base64url(JSON.stringify({ order: 2 ** 40, startTime: null, id: ID })),
  base64url(JSON.stringify({ order: 1, startTime: "yesterday", id: ID })),
  base64url(JSON.stringify({ order: 1, startTime: 5, id: ID })),
];

type ListCall = (user: TestUser, cursor: string) => Promise<unknown>;

const LISTS: [string, ListCall][] = [
  ["scheduler.tasks.list", (user, cursor) => user.caller.scheduler.tasks.list({ cursor })],
  ["scheduler.projects.list", (user, cursor) => user.caller.scheduler.projects.list({ cursor })],
  ["scheduler.areas.list", (user, cursor) => user.caller.scheduler.areas.list({ cursor })],
  ["scheduler.planners.list", (user, cursor) => user.caller.scheduler.planners.list({ cursor })],
  ["notifier.notifications.list", (user, cursor) => user.caller.notifier.notifications.list({ cursor })],
];

describe("list cursors a client made up", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let user: TestUser;
  beforeAll(async () => {
    harness = await createTestDeps();
    user = await createTestUser(harness.deps);
  });
  afterAll(async () => {
    await harness?.close();
  });

  describe.each(LISTS)("%s", (_name, list) => {
    it.each(FORGED)("refuses %s as common.invalid_cursor", async (cursor) => {
      const error = await trpcFailure(list(user, cursor));
      expect({ code: error.code, cause: error.cause }).toMatchObject({
        code: "BAD_REQUEST",
        cause: { code: "common.invalid_cursor" },
      });
    });
  });
});
