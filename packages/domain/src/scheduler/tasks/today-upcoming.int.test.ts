import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { applyPlan, ZPlanInput } from "../plan/index.ts";
import { createPlanner, ZCreatePlannerInput } from "../planners/index.ts";
import { completeTask, createTask, listToday, listUpcoming, ZCreateTaskInput, ZUpcomingInput } from "./index.ts";

// 06:00Z on Monday 1 June 2026 is 11:45 in Kathmandu (UTC+05:45): the local day runs
// from 31 May 18:15Z to 1 June 18:15Z.
const NOW = new Date("2026-06-01T06:00:00Z");
const HOUR = 60 * 60 * 1000;

// Today and Upcoming as every caller gets them: the person's day in their own zone.
describe("scheduler today and upcoming", () => {
  const database = useTestDatabase();

  async function person(timeZone = "Asia/Kathmandu") {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone });
    const clock = fixedClock(NOW);
    const events = createRecordingEvents();
    const actor = { db: prisma, actorId: user.id };
    return {
      clock,
      task: (raw: Parameters<typeof ZCreateTaskInput.parse>[0]) =>
        createTask({ ...actor, input: ZCreateTaskInput.parse(raw), clock, events }),
      complete: (id: string) => completeTask({ ...actor, id, clock, events }),
      planner: (raw: Parameters<typeof ZCreatePlannerInput.parse>[0]) =>
        createPlanner({ ...actor, input: ZCreatePlannerInput.parse(raw), events }),
      applyPlan: () => applyPlan({ ...actor, input: ZPlanInput.parse(undefined), clock, events }),
      today: () => listToday({ ...actor, clock }),
      upcoming: (raw?: Parameters<typeof ZUpcomingInput.parse>[0]) =>
        listUpcoming({ ...actor, input: ZUpcomingInput.parse(raw), clock }),
    };
  }

  /** The same kinds of task for any person, so a second person's copies can be looked for. */
  async function arrangeDay(owner: Awaited<ReturnType<typeof person>>) {
    // Planned earlier this morning, over before now: created while it was still ahead.
    owner.clock.set(new Date(NOW.getTime() - 3 * HOUR));
    await owner.task({ summary: "Missed call", startTime: new Date("2026-06-01T04:00:00Z"), minutes: 30 });
    owner.clock.set(NOW);
    await owner.task({ summary: "Late report", dueAt: new Date("2026-05-31T12:00:00Z") });
    await owner.task({ summary: "Review", startTime: new Date("2026-06-01T10:00:00Z") });
    await owner.task({ summary: "Standup", startTime: new Date("2026-06-01T07:00:00Z"), minutes: 15 });
    await owner.task({
      summary: "Planned and due",
      startTime: new Date("2026-06-01T12:00:00Z"),
      dueAt: new Date("2026-06-01T17:00:00Z"),
    });
    await owner.task({ summary: "Due tonight", dueAt: new Date("2026-06-01T17:00:00Z") });
    // 19:00Z is 00:45 on 2 June in Kathmandu: tomorrow, though the same UTC date.
    await owner.task({ summary: "Just after midnight", startTime: new Date("2026-06-01T19:00:00Z") });
    await owner.task({ summary: "Due on Friday", dueAt: new Date("2026-06-05T12:00:00Z") });
    await owner.task({ summary: "In three weeks", startTime: new Date("2026-06-22T06:00:00Z") });
    await owner.task({ summary: "Someday" });
    const done = await owner.task({ summary: "Done already", startTime: new Date("2026-06-01T08:00:00Z") });
    await owner.complete(done.id);
  }

  const summaries = (tasks: { summary: string }[]) => tasks.map((task) => task.summary);

  it("lists what is overdue, planned for the rest of today in time order, and due later today, once each", async () => {
    const mia = await person();
    const other = await person();
    await arrangeDay(mia);
    await arrangeDay(other);

    const today = await mia.today();

    expect(today).toMatchObject({ date: "2026-06-01", timeZone: "Asia/Kathmandu", hasPlanned: true });
    expect(summaries(today.overdue)).toEqual(["Missed call", "Late report"]);
    expect(summaries(today.scheduled)).toEqual(["Standup", "Review", "Planned and due"]);
    expect(summaries(today.due)).toEqual(["Due tonight"]);
    expect(today.truncated).toBeUndefined();
    // The other person's copies of the same tasks are not among them.
    const ids = new Set([...today.overdue, ...today.scheduled, ...today.due].map((task) => task.id));
    const otherToday = await other.today();
    expect([...otherToday.overdue, ...otherToday.scheduled, ...otherToday.due].some((task) => ids.has(task.id))).toBe(
      false,
    );
  });

  it("says a person who never planned has not planned, with empty sections", async () => {
    const newcomer = await person();
    await newcomer.task({ summary: "Someday" });
    await expect(newcomer.today()).resolves.toEqual({
      date: "2026-06-01",
      timeZone: "Asia/Kathmandu",
      overdue: [],
      scheduled: [],
      due: [],
      occurrences: [],
      conflictIds: [],
      hasPlanned: false,
    });
  });

  it("counts an applied plan as having planned", async () => {
    const planner = await person("Europe/Berlin");
    await planner.planner({
      name: "Mornings",
      recurrence: "FREQ=DAILY",
      startDate: "2026-06-01",
      startTime: "09:00",
      minutes: 120,
    });
    await planner.task({ summary: "Write", minutes: 60 });
    await planner.applyPlan();
    const today = await planner.today();
    expect(today.hasPlanned).toBe(true);
    expect(summaries(today.scheduled)).toEqual(["Write"]);
  });

  it("groups the next 14 days by the person's local date, planned tasks in time order and the day's deadlines", async () => {
    const mia = await person();
    const other = await person();
    await arrangeDay(mia);
    await arrangeDay(other);

    const upcoming = await mia.upcoming();

    expect(upcoming.timeZone).toBe("Asia/Kathmandu");
    expect(upcoming.days.map((day) => day.date)).toEqual(
      Array.from({ length: 14 }, (_, index) => `2026-06-${String(index + 1).padStart(2, "0")}`),
    );
    const byDate = new Map(upcoming.days.map((day) => [day.date, day]));
    // Today keeps everything that starts today, the missed call included; the planned-and-due task once.
    expect(summaries(byDate.get("2026-06-01")?.scheduled ?? [])).toEqual([
      "Missed call",
      "Standup",
      "Review",
      "Planned and due",
    ]);
    expect(summaries(byDate.get("2026-06-01")?.due ?? [])).toEqual(["Due tonight"]);
    expect(summaries(byDate.get("2026-06-02")?.scheduled ?? [])).toEqual(["Just after midnight"]);
    expect(summaries(byDate.get("2026-06-05")?.due ?? [])).toEqual(["Due on Friday"]);
    const listed = upcoming.days.flatMap((day) => [...day.scheduled, ...day.due]);
    expect(summaries(listed)).not.toContain("In three weeks");
    expect(summaries(listed)).not.toContain("Done already");
    expect(listed).toHaveLength(7);
    const otherIds = new Set(
      (await other.upcoming()).days.flatMap((day) => [...day.scheduled, ...day.due]).map((task) => task.id),
    );
    expect(listed.some((task) => otherIds.has(task.id))).toBe(false);
  });

  it("answers fewer days when asked, and refuses more than 14", async () => {
    const mia = await person();
    const upcoming = await mia.upcoming({ days: 3 });
    expect(upcoming.days.map((day) => day.date)).toEqual(["2026-06-01", "2026-06-02", "2026-06-03"]);
    expect(ZUpcomingInput.safeParse({ days: 15 }).error?.issues[0]?.message).toBe("Ask for at most 14 days");
  });
});
