import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { schedulerPerson } from "../testing/scheduler-person.ts";
import { rescheduleTaskFromCalendar, unscheduleTaskFromCalendar } from "./index.ts";

const NOW = new Date("2026-06-01T05:00:00Z"); // Monday, 07:00 in Berlin
const clock = fixedClock(NOW);
const at = (iso: string) => new Date(iso);

describe("changes made to tasks through the person's calendar", () => {
  const database = useTestDatabase();

  it("puts a planned task where the calendar has it, pins it there, and says the change came from Google", async () => {
    const person = await schedulerPerson(database().prisma, { clock, workHours: true });
    const task = await person.createTask({ summary: "Write report", minutes: 60 });
    await person.apply();
    const planned = await person.task(task.id);
    expect(planned.startTime).not.toBeNull();

    const moved = await rescheduleTaskFromCalendar({
      ...person.actor,
      input: { id: task.id, blockIndex: 0, start: at("2026-06-03T13:00:00Z"), end: at("2026-06-03T14:30:00Z") },
      events: person.events,
      clock,
    });
    expect(moved).toMatchObject({ startTime: at("2026-06-03T13:00:00Z"), endTime: at("2026-06-03T14:30:00Z") });
    expect(moved.minutes).toBe(90);
    expect(moved.version).toBeGreaterThan(planned.version);
    expect(person.events.recorded.at(-1)).toMatchObject({
      aggregateId: task.id,
      version: moved.version,
      payload: { fields: ["startTime", "endTime", "minutes"], source: "google" },
    });
    // Pinned: the next plan leaves it where the person put it.
    await person.apply();
    expect((await person.task(task.id)).startTime).toEqual(at("2026-06-03T13:00:00Z"));
  });

  it("takes a time in the past as it is: the calendar is the person's own record", async () => {
    const person = await schedulerPerson(database().prisma, { clock });
    const task = await person.createTask({ summary: "Call", startTime: at("2026-06-01T09:00:00Z"), minutes: 30 });
    const moved = await rescheduleTaskFromCalendar({
      ...person.actor,
      input: { id: task.id, blockIndex: 0, start: at("2026-05-29T09:00:00Z"), end: at("2026-05-29T09:30:00Z") },
      events: person.events,
      clock,
    });
    expect(moved.startTime).toEqual(at("2026-05-29T09:00:00Z"));
  });

  it("unschedules a task and its parts, once: an unscheduled task records nothing more", async () => {
    const person = await schedulerPerson(database().prisma, { clock });
    const task = await person.createTask({ summary: "Call", startTime: at("2026-06-01T09:00:00Z"), minutes: 30 });
    await database().prisma.taskBlock.create({
      data: { userId: person.userId, taskId: task.id, start: task.startTime as Date, end: task.endTime as Date },
    });
    const before = person.events.recorded.length;
    const unscheduled = await unscheduleTaskFromCalendar({
      ...person.actor,
      id: task.id,
      events: person.events,
      clock,
    });
    expect(unscheduled).toMatchObject({ startTime: null, endTime: null });
    expect(await database().prisma.taskBlock.count({ where: { taskId: task.id } })).toBe(0);
    expect(person.events.recorded.slice(before).map((event) => event.payload)).toEqual([
      { fields: ["startTime", "endTime"], source: "google" },
    ]);
    await unscheduleTaskFromCalendar({ ...person.actor, id: task.id, events: person.events, clock });
    expect(person.events.recorded).toHaveLength(before + 1);
  });

  it("finds another person's task as not found and changes nothing", async () => {
    const owner = await schedulerPerson(database().prisma, { clock });
    const other = await schedulerPerson(database().prisma, { clock });
    const task = await owner.createTask({ summary: "Mine", startTime: at("2026-06-01T09:00:00Z"), minutes: 30 });
    await expect(
      rescheduleTaskFromCalendar({
        ...other.actor,
        input: { id: task.id, blockIndex: 0, start: at("2026-06-02T09:00:00Z"), end: at("2026-06-02T10:00:00Z") },
        events: other.events,
        clock,
      }),
    ).rejects.toMatchObject({ code: "scheduler.task_not_found" });
    await expect(
      unscheduleTaskFromCalendar({ ...other.actor, id: task.id, events: other.events, clock }),
    ).rejects.toMatchObject({ code: "scheduler.task_not_found" });
    expect(await owner.task(task.id)).toEqual(task);
  });
});
