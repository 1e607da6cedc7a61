import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { createTestUser, type TestUser } from "../testing/test-users.ts";

// Rows written before dates were range-checked: the year 10000 is stored by PostgreSQL
// but read back by the Prisma client as an Invalid Date, which used to make every list
// and plan of the account fail. They are inserted with SQL, as no procedure can make them now.
const YEAR_10000 = "10000-01-01T00:00:00Z";
const MONDAY = new Date("2026-06-01T00:00:00Z");
const WEEK = { from: MONDAY, to: new Date("2026-06-08T00:00:00Z") };
const WARNING = "skipped tasks with dates outside the supported range (1970-01-01 to 2999-12-31); repair them";

describe("an account with rows outside the date range still lists and plans", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function insertTask(
    user: TestUser,
    summary: string,
    dates: { startTime?: string; endTime?: string; dueAt?: string },
  ): Promise<string> {
    const [row] = await harness.database.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO tasks (id, "userId", summary, "order", minutes, "updatedAt", "startTime", "endTime", "dueAt")
      VALUES (gen_random_uuid(), ${user.userId}::uuid, ${summary}, 1000, 30, now(),
              ${dates.startTime ?? null}::timestamptz, ${dates.endTime ?? null}::timestamptz, ${dates.dueAt ?? null}::timestamptz)
      RETURNING id::text AS id`;
    if (!row) throw new Error("insert returned nothing");
    return row.id;
  }

  const warningsAbout = (user: TestUser) =>
    harness.log.entries.filter(
      (entry) => entry.level === "warn" && (entry.object as { userId?: string }).userId === user.userId,
    );

  async function userWithPlanner() {
    const user = await createTestUser(harness.deps);
    await user.caller.scheduler.planners.create({
      name: "Work hours",
      recurrence: "FREQ=DAILY",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 480,
      timeZone: "UTC",
    });
    return user;
  }

  it("tasks.list skips a task due in the year 10000 and logs a warning naming it", async () => {
    const user = await createTestUser(harness.deps);
    const good = await user.caller.scheduler.tasks.create({ summary: "good" });
    const bad = await insertTask(user, "due in 10000", { dueAt: YEAR_10000 });

    const page = await user.caller.scheduler.tasks.list();
    expect(page.items.map((task) => task.id)).toEqual([good.id]);
    expect(page.nextCursor).toBeNull();
    expect(warningsAbout(user)).toContainEqual(
      expect.objectContaining({
        message: WARNING,
        object: expect.objectContaining({ reading: "tasks.list", taskIds: [bad] }),
      }),
    );
    // Filters on the damaged column work too (they used to fail the same way).
    const due = await user.caller.scheduler.tasks.list({ dueBefore: new Date("2999-12-31T00:00:00Z") });
    expect(due.items).toEqual([]);
  });

  it("pages past skipped rows without losing or repeating a task", async () => {
    const user = await createTestUser(harness.deps);
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push((await user.caller.scheduler.tasks.create({ summary: `task ${i}` })).id);
      await insertTask(user, `bad ${i}`, { startTime: YEAR_10000, endTime: YEAR_10000 });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await user.caller.scheduler.tasks.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((task) => task.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(created);
  });

  it("tasks.agenda skips a task whose end is in the year 10000 and keeps the rest of the week", async () => {
    const user = await createTestUser(harness.deps);
    const good = await user.caller.scheduler.tasks.create({
      summary: "meeting",
      startTime: new Date("2026-06-02T10:00:00Z"),
      minutes: 60,
    });
    const bad = await insertTask(user, "endless", { startTime: "2026-06-03T10:00:00Z", endTime: YEAR_10000 });

    const agenda = await user.caller.scheduler.tasks.agenda(WEEK);
    expect(agenda.entries.map((entry) => entry.taskId)).toEqual([good.id]);
    expect(warningsAbout(user)).toContainEqual(
      expect.objectContaining({ object: expect.objectContaining({ reading: "tasks.agenda", taskIds: [bad] }) }),
    );
  });

  it("plan.preview and plan.commit plan around a damaged task instead of refusing to plan", async () => {
    const user = await userWithPlanner();
    const good = await user.caller.scheduler.tasks.create({ summary: "plan me", minutes: 60 });
    const bad = await insertTask(user, "due in 10000", { dueAt: YEAR_10000 });
    const alsoBad = await insertTask(user, "busy forever", { startTime: "2026-06-01T09:30:00Z", endTime: YEAR_10000 });

    const preview = await user.caller.scheduler.plan.preview();
    expect(preview.changes.map((change) => change.taskId)).toEqual([good.id]);
    expect(preview.unplaced).toEqual([]);
    const committed = await user.caller.scheduler.plan.commit();
    expect(committed.changes.map((change) => change.taskId)).toEqual([good.id]);
    expect(committed.run.placedCount).toBe(1);

    const planWarnings = warningsAbout(user).filter(
      (entry) => (entry.object as { reading?: string }).reading === "plan",
    );
    expect(planWarnings).toHaveLength(2);
    for (const warning of planWarnings) {
      expect([...(warning.object as { taskIds: string[] }).taskIds].sort()).toEqual([bad, alsoBad].sort());
    }
  });

  it("busy events outside the range are skipped by calendars.busy and by the plan", async () => {
    const user = await userWithPlanner();
    const feed = await harness.database.prisma.calendarFeed.create({
      data: { userId: user.userId, name: "Work", url: "https://calendar.example.com/secret/basic.ics" },
    });
    const insertEvent = (uid: string, start: string, end: string) =>
      harness.database.prisma.$executeRaw`
        INSERT INTO busy_events (id, "userId", "feedId", uid, summary, start, "end")
        VALUES (gen_random_uuid(), ${user.userId}::uuid, ${feed.id}::uuid, ${uid}, ${uid}, ${start}::timestamptz, ${end}::timestamptz)`;
    await insertEvent("standup", "2026-06-01T09:00:00Z", "2026-06-01T09:30:00Z");
    await insertEvent("forever", "2026-06-01T12:00:00Z", YEAR_10000);

    const busy = await user.caller.calendars.busy(WEEK);
    expect(busy.map((event) => event.summary)).toEqual(["standup"]);
    const task = await user.caller.scheduler.tasks.create({ summary: "after standup", minutes: 60 });
    const preview = await user.caller.scheduler.plan.preview();
    // Right after the standup and the default 10-minute break; the event "forever" blocks nothing.
    expect(preview.changes).toEqual([
      expect.objectContaining({ taskId: task.id, newStart: new Date("2026-06-01T09:40:00Z") }),
    ]);
    expect(warningsAbout(user)).toContainEqual(
      expect.objectContaining({ object: expect.objectContaining({ reading: "calendars.busy" }) }),
    );
  });
});
