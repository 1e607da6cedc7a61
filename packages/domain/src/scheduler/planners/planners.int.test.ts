import { randomUUID } from "node:crypto";
import { countQueries, useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { PlannerChanged } from "../events.ts";
import {
  createPlanner,
  deletePlanner,
  getPlanner,
  listPlanners,
  listPlannerWindows,
  updatePlanner,
  ZCreatePlannerInput,
  ZListPlannersInput,
  ZPlannerWindowsInput,
  ZUpdatePlannerInput,
} from "./index.ts";

const WEEKDAYS_NINE_TO_FIVE = {
  name: "Work",
  recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  startDate: "2026-01-05",
  startTime: "09:00",
  minutes: 480,
  timeZone: "Europe/Berlin",
};

// The business rules of planners, called the way every caller (router, job, script) calls them.
describe("scheduler planners", () => {
  const database = useTestDatabase();
  // Dates and zones must not depend on the machine's zone: run in one with a 5:45 offset.
  const machineZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "Asia/Kathmandu";
  });
  afterAll(() => {
    process.env.TZ = machineZone;
  });

  async function setup(profile: { timeZone?: string } = {}) {
    const { prisma } = database();
    const user = await createUser(prisma, profile);
    const events = createRecordingEvents();
    const actor = { db: prisma, actorId: user.id };
    // Inputs go through the schemas the router applies, so defaults and canonical forms are real.
    return {
      prisma,
      userId: user.id,
      events,
      create: (raw: Parameters<typeof ZCreatePlannerInput.parse>[0]) =>
        createPlanner({ ...actor, input: ZCreatePlannerInput.parse(raw), events }),
      update: (raw: Parameters<typeof ZUpdatePlannerInput.parse>[0]) =>
        updatePlanner({ ...actor, input: ZUpdatePlannerInput.parse(raw), events }),
      remove: (id: string) => deletePlanner({ ...actor, input: { id }, events }),
      get: (id: string) => getPlanner({ ...actor, input: { id } }),
      list: (raw?: Parameters<typeof ZListPlannersInput.parse>[0]) =>
        listPlanners({ ...actor, input: ZListPlannersInput.parse(raw) }),
      windows: (raw: Parameters<typeof ZPlannerWindowsInput.parse>[0]) =>
        listPlannerWindows({ ...actor, input: ZPlannerWindowsInput.parse(raw) }),
    };
  }

  it("creates a planner in the user's zone by default, with the rule in canonical form and the date as a date", async () => {
    const user = await setup({ timeZone: "America/New_York" });
    const planner = await user.create({
      name: "  Evenings ",
      recurrence: "RRULE:FREQ=WEEKLY;BYDAY=WE,MO",
      startDate: "2026-03-01",
      startTime: "18:30",
      minutes: 90,
    });
    expect(planner).toMatchObject({
      name: "Evenings",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,WE",
      startDate: "2026-03-01",
      startTime: "18:30",
      minutes: 90,
      timeZone: "America/New_York",
      active: true,
    });
    const stored = await user.prisma.planner.findUniqueOrThrow({ where: { id: planner.id } });
    expect(stored.startDate.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    await expect(user.get(planner.id)).resolves.toEqual(planner);
    expect(user.events.names()).toEqual([PlannerChanged.name]);
  });

  it("updates what is given and keeps the rest", async () => {
    const user = await setup();
    const planner = await user.create(WEEKDAYS_NINE_TO_FIVE);
    const updated = await user.update({
      id: planner.id,
      startDate: "2026-12-31",
      startTime: "08:15",
      active: false,
      timeZone: "Asia/Kathmandu",
    });
    expect(updated).toMatchObject({
      name: "Work",
      recurrence: WEEKDAYS_NINE_TO_FIVE.recurrence,
      startDate: "2026-12-31",
      startTime: "08:15",
      minutes: 480,
      timeZone: "Asia/Kathmandu",
      active: false,
    });
    await expect(user.update({ id: planner.id, recurrence: "FREQ=DAILY", minutes: 1440 })).resolves.toMatchObject({
      recurrence: "FREQ=DAILY",
      minutes: 1440,
      startTime: "08:15",
    });
  });

  it("deletes a planner; tasks that used it stay, without one", async () => {
    const user = await setup();
    const planner = await user.create(WEEKDAYS_NINE_TO_FIVE);
    const task = await user.prisma.task.create({
      data: { userId: user.userId, summary: "Plan me", order: 1, plannerId: planner.id },
    });
    await expect(user.remove(planner.id)).resolves.toEqual({ deleted: true });
    await expect(user.prisma.task.findUnique({ where: { id: task.id } })).resolves.toMatchObject({ plannerId: null });
    await expect(user.get(planner.id)).rejects.toMatchObject({
      kind: "NOT_FOUND",
      code: "scheduler.planner_not_found",
    });
  });

  it("lists oldest first, in pages, with one statement whatever the page size", async () => {
    const user = await setup();
    for (let i = 1; i <= 60; i += 1) {
      await user.prisma.planner.create({
        data: {
          userId: user.userId,
          name: `Planner ${i}`,
          recurrence: "FREQ=DAILY",
          startDate: new Date("2026-01-01T00:00:00Z"),
          startTime: "09:00",
          minutes: 60,
          timeZone: "UTC",
        },
      });
    }
    const { pool } = database();
    const small = await countQueries(pool, () => user.list({ limit: 5 }));
    const large = await countQueries(pool, () => user.list({ limit: 50 }));
    expect(small.result.items).toHaveLength(5);
    expect(large.result.items).toHaveLength(50);
    expect(small.queries).toBe(large.queries);
    expect(small.queries).toBe(1);

    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await user.list({ limit: 25, cursor });
      names.push(...page.items.map((planner) => planner.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `Planner ${i + 1}`));
  });

  describe("windows", () => {
    it("keeps 09:00 Berlin across the DST change: 08:00Z before it, 07:00Z after", async () => {
      const user = await setup();
      const planner = await user.create(WEEKDAYS_NINE_TO_FIVE);
      const windows = await user.windows({
        from: new Date("2026-03-23T00:00:00Z"),
        to: new Date("2026-04-06T00:00:00Z"),
      });
      const days = ["23", "24", "25", "26", "27"];
      const after = ["03-30", "03-31", "04-01", "04-02", "04-03"];
      expect(windows).toEqual([
        ...days.map((day) => ({
          plannerId: planner.id,
          start: new Date(`2026-03-${day}T08:00:00Z`),
          end: new Date(`2026-03-${day}T16:00:00Z`),
        })),
        ...after.map((day) => ({
          plannerId: planner.id,
          start: new Date(`2026-${day}T07:00:00Z`),
          end: new Date(`2026-${day}T15:00:00Z`),
        })),
      ]);
    });

    it("uses the active planners, or the one asked for even when paused, each in its own zone", async () => {
      const user = await setup();
      const berlin = await user.create(WEEKDAYS_NINE_TO_FIVE);
      const kathmandu = await user.create({
        name: "Daily",
        recurrence: "FREQ=DAILY",
        startDate: "2026-03-01",
        startTime: "06:00",
        minutes: 30,
        timeZone: "Asia/Kathmandu",
      });
      const paused = await user.create({ ...WEEKDAYS_NINE_TO_FIVE, active: false });
      const range = { from: new Date("2026-03-23T00:00:00Z"), to: new Date("2026-03-24T00:00:00Z") };

      const all = await user.windows(range);
      expect(all.map((window) => [window.plannerId, window.start.toISOString()])).toEqual([
        [kathmandu.id, "2026-03-23T00:15:00.000Z"],
        [berlin.id, "2026-03-23T08:00:00.000Z"],
      ]);
      const one = await user.windows({ ...range, plannerId: paused.id });
      expect(one).toEqual([
        { plannerId: paused.id, start: new Date("2026-03-23T08:00:00Z"), end: new Date("2026-03-23T16:00:00Z") },
      ]);
    });
  });

  it("treats another user's planner as an unknown id in get, update, delete and windows", async () => {
    const alice = await setup();
    const bob = await setup();
    const plannerId = (await alice.create(WEEKDAYS_NINE_TO_FIVE)).id;
    const week = { from: new Date("2026-03-23T00:00:00Z"), to: new Date("2026-03-30T00:00:00Z") };
    for (const id of [plannerId, randomUUID()]) {
      const attempts = [
        () => bob.get(id),
        () => bob.update({ id, name: "Bob's now" }),
        () => bob.remove(id),
        () => bob.windows({ ...week, plannerId: id }),
      ];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toMatchObject({ kind: "NOT_FOUND", code: "scheduler.planner_not_found" });
      }
    }
    await expect(alice.get(plannerId)).resolves.toMatchObject({ name: "Work" });
    await expect(bob.list()).resolves.toMatchObject({ items: [] });
    await expect(bob.windows(week)).resolves.toEqual([]);
  });
});
