import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { issuesOf } from "../testing/issues-of.ts";
import { createTestUser, type TestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

// NUL used to reach PostgreSQL (error 22021, a 500); a lone surrogate was silently stored as U+FFFD.
const BAD_TEXTS = [
  ["NUL", "bad\u0000text"],
  ["a lone surrogate", "bad\uD83Dtext"],
] as const;
const INVALID_CHARACTERS = "common.invalid_characters";

type Case = {
  field: string;
  /** What must exist before the call (a task to update); its result is passed on. */
  setup?: (user: TestUser) => Promise<string>;
  call: (user: TestUser, text: string, setUp: string) => Promise<unknown>;
  /** Rows of the user that the call would have written. */
  rows: (user: TestUser) => Promise<unknown>;
};

describe("text with NUL or lone surrogates is refused as a field error, and nothing is written", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const prisma = () => harness.database.prisma;
  const tasksOf = (user: TestUser) =>
    prisma().task.findMany({ where: { userId: user.userId }, orderBy: { id: "asc" } });
  const userRow = (user: TestUser) => prisma().user.findUniqueOrThrow({ where: { id: user.userId } });

  const cases: Record<string, Case> = {
    "tasks.create summary": {
      field: "summary",
      call: (user, text) => user.caller.scheduler.tasks.create({ summary: text }),
      rows: tasksOf,
    },
    "tasks.create description": {
      field: "description",
      call: (user, text) => user.caller.scheduler.tasks.create({ summary: "ok", description: text }),
      rows: tasksOf,
    },
    "tasks.update summary": {
      field: "summary",
      setup: async (user) => (await user.caller.scheduler.tasks.create({ summary: "before" })).id,
      call: (user, text, id) => user.caller.scheduler.tasks.update({ id, summary: text }),
      rows: tasksOf,
    },
    "tasks.list q (search text)": {
      field: "q",
      call: (user, text) => user.caller.scheduler.tasks.list({ q: text }),
      rows: tasksOf,
    },
    "tasks.list cursor": {
      field: "cursor",
      call: (user, text) => user.caller.scheduler.tasks.list({ cursor: text }),
      rows: tasksOf,
    },
    "projects.create name": {
      field: "name",
      call: (user, text) => user.caller.scheduler.projects.create({ name: text }),
      rows: (user) => prisma().project.findMany({ where: { userId: user.userId } }),
    },
    "areas.create name": {
      field: "name",
      call: (user, text) => user.caller.scheduler.areas.create({ name: text }),
      rows: (user) => prisma().area.findMany({ where: { userId: user.userId } }),
    },
    "planners.create name": {
      field: "name",
      call: (user, text) =>
        user.caller.scheduler.planners.create({
          name: text,
          recurrence: "FREQ=DAILY",
          startDate: "2026-06-01",
          startTime: "09:00",
          minutes: 60,
        }),
      rows: (user) => prisma().planner.findMany({ where: { userId: user.userId } }),
    },
    "calendars.feeds.add name": {
      field: "name",
      call: (user, text) =>
        user.caller.calendars.feeds.add({ name: text, url: "https://calendar.example.com/basic.ics" }),
      rows: (user) => prisma().calendarFeed.findMany({ where: { userId: user.userId } }),
    },
    "iam.tokens.create name": {
      field: "name",
      call: (user, text) => user.caller.iam.tokens.create({ name: text }),
      rows: (user) => prisma().apiToken.findMany({ where: { userId: user.userId } }),
    },
    "iam.updateProfile name": {
      field: "name",
      call: (user, text) => user.caller.iam.updateProfile({ name: text }),
      rows: userRow,
    },
    "iam.changePassword next": {
      field: "next",
      call: (user, text) => user.caller.iam.changePassword({ current: user.password, next: `${text} long enough` }),
      rows: (user) => prisma().account.findMany({ where: { userId: user.userId } }),
    },
    "iam.deleteAccount password": {
      field: "password",
      call: (user, text) => user.caller.iam.deleteAccount({ password: text }),
      rows: userRow,
    },
  };

  describe.each(Object.entries(cases))("%s", (_name, { field, setup, call, rows }) => {
    it.each(BAD_TEXTS)("refuses %s with common.invalid_characters", async (_kind, text) => {
      const user = await createTestUser(harness.deps);
      const setUp = setup ? await setup(user) : "";
      const before = await rows(user);
      const error = await trpcFailure(call(user, text, setUp));
      expect(issuesOf(error)).toEqual([
        { path: field, code: INVALID_CHARACTERS, message: expect.stringContaining("invalid character") },
      ]);
      expect(await rows(user)).toEqual(before);
    });
  });

  it("keeps text with emoji, accents and other control characters", async () => {
    const user = await createTestUser(harness.deps);
    const task = await user.caller.scheduler.tasks.create({ summary: "Ship 🚀 café", description: "tab\there" });
    expect(task).toMatchObject({ summary: "Ship 🚀 café", description: "tab\there" });
    const found = await user.caller.scheduler.tasks.list({ q: "🚀" });
    expect(found.items.map((item) => item.id)).toEqual([task.id]);
  });
});
