import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { domainErrorFromPrisma, isDomainError } from "../../shared/errors.ts";
import { createEventOutbox } from "../../shared/events/create-event-outbox.ts";
import { createPlanner } from "../planners/create-planner.ts";
import { deletePlanner } from "../planners/delete-planner.ts";
import { createTask } from "./create-task.ts";
import { updateTask } from "./update-task.ts";

const NOW = new Date("2026-06-01T09:00:00Z");
const HOUR = 3_600_000;
const clock = fixedClock(NOW);
const events = createEventOutbox({ jobs: createRecordingJobs(), clock });

const input = (overrides: Record<string, unknown> = {}) => ({
  summary: "Write report",
  description: "",
  priority: 0,
  minutes: 30,
  ...overrides,
});

describe("writes to tasks", () => {
  const database = useTestDatabase();

  it("moves the version on with every write, whoever makes it (the table's trigger)", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const task = await createTask({ db: prisma, actorId: user.id, input: input(), clock, events });
    expect(task.version).toBe(1);
    const updated = await updateTask({
      db: prisma,
      actorId: user.id,
      input: { id: task.id, priority: 3 },
      clock,
      events,
    });
    expect(updated.version).toBe(2);
    await prisma.$executeRaw`UPDATE tasks SET description = 'by hand' WHERE id = ${task.id}::uuid`;
    expect((await prisma.task.findUniqueOrThrow({ where: { id: task.id } })).version).toBe(3);
    const area = await prisma.area.create({ data: { userId: user.id, name: "Home", order: 1 } });
    const moved = await prisma.area.update({ where: { id: area.id }, data: { name: "House" } });
    expect([area.version, moved.version]).toEqual([1, 2]);
  });

  it("applies concurrent updates one after the other: neither computes from a stale read", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    for (let round = 0; round < 5; round++) {
      const start = new Date(NOW.getTime() + (round + 1) * HOUR);
      const task = await createTask({
        db: prisma,
        actorId: user.id,
        input: input({ startTime: start }),
        clock,
        events,
      });
      const moved = new Date(start.getTime() + 2 * HOUR);
      // One changes the duration, the other the start; the end follows from both.
      await Promise.all([
        updateTask({ db: prisma, actorId: user.id, input: { id: task.id, minutes: 90 }, clock, events }),
        updateTask({ db: prisma, actorId: user.id, input: { id: task.id, startTime: moved }, clock, events }),
      ]);
      const after = await prisma.task.findUniqueOrThrow({ where: { id: task.id } });
      expect(after).toMatchObject({ minutes: 90, startTime: moved, version: 3 });
      expect(after.endTime).toEqual(new Date(moved.getTime() + 90 * 60_000));
    }
  });

  it("a task created while its planner is deleted is refused with a not-found code, never a crash", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    for (let round = 0; round < 5; round++) {
      const planner = await createPlanner({
        db: prisma,
        actorId: user.id,
        input: {
          name: `Hours ${round}`,
          recurrence: "FREQ=DAILY",
          startDate: "2026-06-01",
          startTime: "09:00",
          minutes: 60,
          active: true,
        },
        events,
      });
      const [created, deleted] = await Promise.allSettled([
        createTask({ db: prisma, actorId: user.id, input: input({ plannerId: planner.id }), clock, events }),
        deletePlanner({ db: prisma, actorId: user.id, input: { id: planner.id }, events }),
      ]);
      expect(deleted.status).toBe("fulfilled");
      // What a caller sees: the error as the API maps it, or the task as it is now.
      const outcome =
        created.status === "rejected"
          ? isDomainError(created.reason)
            ? created.reason.code
            : (domainErrorFromPrisma(created.reason)?.code ?? "internal error")
          : (await prisma.task.findUniqueOrThrow({ where: { id: created.value.id } })).plannerId === null
            ? "created, then left without its planner"
            : "created with a dangling planner";
      expect([
        "scheduler.planner_not_found",
        "common.reference_not_found",
        "created, then left without its planner",
      ]).toContain(outcome);
    }
  });
});
