import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createEventOutbox } from "../../shared/events/create-event-outbox.ts";
import { dispatchEvents } from "../../shared/events/dispatch-events.ts";
import { DispatchEventsJob } from "../../shared/events/dispatch-events-job-type.ts";
import { newEvent, type StoredEvent } from "../../shared/events/event-type.ts";
import { findLaggingPersons } from "../../shared/events/find-lagging-persons.ts";
import { EVENT_RETENTION_DAYS, pruneDeliveredEvents } from "../../shared/events/prune-delivered-events.ts";
import { defineSubscriber, on } from "../../shared/events/subscriber.ts";
import { TaskChanged, TaskCreated } from "../events.ts";
import { createProject } from "../projects/index.ts";
import { createTask, moveTask, updateTask } from "./index.ts";

const NOW = new Date("2026-06-01T09:00:00Z");
const clock = fixedClock(NOW);

describe("the event outbox", () => {
  const database = useTestDatabase();

  function setup() {
    const jobs = createRecordingJobs();
    return { jobs, events: createEventOutbox({ jobs, clock }) };
  }
  const storedEvents = (userId: string) =>
    database().prisma.domainEvent.findMany({ where: { userId }, orderBy: { seq: "asc" } });

  it("records a service's event in its transaction with the payload and the aggregate's new version, and asks for a dispatch", async () => {
    const { prisma } = database();
    const { jobs, events } = setup();
    const user = await createUser(prisma);
    const start = new Date(NOW.getTime() + 3_600_000);
    const task = await createTask({
      db: prisma,
      actorId: user.id,
      input: taskInput({ startTime: start }),
      clock,
      events,
    });
    const updated = await updateTask({
      db: prisma,
      actorId: user.id,
      input: { id: task.id, minutes: 45 },
      clock,
      events,
    });

    expect(updated.version).toBe(task.version + 1);
    const stored = await storedEvents(user.id);
    expect(
      stored.map(({ seq, type, aggregateId, version, payload }) => ({ seq, type, aggregateId, version, payload })),
    ).toEqual([
      {
        seq: 1n,
        type: TaskCreated.name,
        aggregateId: task.id,
        version: task.version,
        payload: { startTime: start.toISOString(), previousId: null },
      },
      {
        seq: 2n,
        type: TaskChanged.name,
        aggregateId: task.id,
        version: updated.version,
        // The end moved with the duration.
        payload: { fields: ["minutes", "endTime"] },
      },
    ]);
    expect(jobs.sent.filter((job) => job.name === DispatchEventsJob.name)).toEqual([
      expect.objectContaining({ data: { userId: user.id }, options: { singletonKey: user.id } }),
      expect.objectContaining({ data: { userId: user.id }, options: { singletonKey: user.id } }),
    ]);
  });

  it("records a move with the fields it changed: the order, and the project when that changed", async () => {
    const { prisma } = database();
    const { events } = setup();
    const user = await createUser(prisma);
    const project = await createProject({ db: prisma, actorId: user.id, input: { name: "Home" } });
    const [first, second] = [
      await createTask({ db: prisma, actorId: user.id, input: taskInput({}), clock, events }),
      await createTask({ db: prisma, actorId: user.id, input: taskInput({}), clock, events }),
    ];
    const reordered = await moveTask({
      db: prisma,
      actorId: user.id,
      input: { id: second.id, beforeId: first.id },
      events,
    });
    const moved = await moveTask({
      db: prisma,
      actorId: user.id,
      input: { id: first.id, projectId: project.id },
      events,
    });

    const changes = (await storedEvents(user.id)).filter((event) => event.type === TaskChanged.name);
    expect(changes.map(({ aggregateId, version, payload }) => ({ aggregateId, version, payload }))).toEqual([
      { aggregateId: second.id, version: reordered.version, payload: { fields: ["order"] } },
      { aggregateId: first.id, version: moved.version, payload: { fields: ["order", "projectId"] } },
    ]);
  });

  it("records nothing when the change rolls back", async () => {
    const { prisma } = database();
    const { events } = setup();
    const user = await createUser(prisma);
    await expect(
      prisma.$transaction(async (tx) => {
        await createTask({ db: tx, actorId: user.id, input: taskInput({}), clock, events });
        throw new Error("the request failed after the write");
      }),
    ).rejects.toThrow("the request failed after the write");
    expect(await prisma.task.count({ where: { userId: user.id } })).toBe(0);
    expect(await storedEvents(user.id)).toEqual([]);
    expect(await prisma.eventStream.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it("numbers each person's events in commit order, also when transactions overlap", async () => {
    const { prisma } = database();
    const { events } = setup();
    const user = await createUser(prisma);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createTask({ db: prisma, actorId: user.id, input: taskInput({ summary: `task ${i}` }), clock, events }),
      ),
    );
    const stored = await storedEvents(user.id);
    expect(stored.map((event) => event.seq)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]);
  });

  it("delivers in order per person, once per subscriber, and retries a failing subscriber without re-running the others", async () => {
    const { prisma } = database();
    const { events } = setup();
    const [ada, bob] = [await createUser(prisma), await createUser(prisma)];
    for (const user of [ada, bob]) {
      await prisma.$transaction((tx) =>
        events.record(
          tx,
          [1, 2, 3].map((n) =>
            newEvent(TaskChanged, {
              userId: user.id,
              aggregateId: user.id,
              version: n,
              payload: { fields: ["summary"] },
            }),
          ),
        ),
      );
    }
    const seen: { subscriber: string; userId: string; version: number }[] = [];
    let failOnce = true;
    const note =
      (subscriber: string) =>
      async ({ event }: { event: StoredEvent }) => {
        seen.push({ subscriber, userId: event.userId, version: event.version });
      };
    const steady = defineSubscriber({ name: "test.steady", handlers: [on(TaskChanged, note("steady"))] });
    const flaky = defineSubscriber({
      name: "test.flaky",
      handlers: [
        on(TaskChanged, async (args) => {
          if (args.event.version === 2 && failOnce) {
            failOnce = false;
            throw new Error("the mail server is down");
          }
          await note("flaky")(args);
        }),
      ],
    });
    const subscribers = [flaky, steady];
    const dispatch = (userId: string) => dispatchEvents({ db: prisma, userId, subscribers, clock });

    const first = await dispatch(ada.id);
    expect(first.delivered).toEqual({ "test.flaky": 1, "test.steady": 3 });
    expect(first.failed).toMatchObject([{ subscriber: "test.flaky", seq: 2 }]);
    // Still behind: the sweep would send Ada another dispatch.
    expect(await findLaggingPersons({ db: prisma, subscribers: ["test.flaky", "test.steady"] })).toContain(ada.id);

    const retry = await dispatch(ada.id);
    expect(retry).toEqual({ delivered: { "test.flaky": 2, "test.steady": 0 }, failed: [] });
    // Redelivery after everything went through hands nobody anything twice.
    expect(await dispatch(ada.id)).toEqual({ delivered: { "test.flaky": 0, "test.steady": 0 }, failed: [] });
    await dispatch(bob.id);

    const versions = (subscriber: string, userId: string) =>
      seen.filter((each) => each.subscriber === subscriber && each.userId === userId).map((each) => each.version);
    expect(versions("steady", ada.id)).toEqual([1, 2, 3]);
    expect(versions("flaky", ada.id)).toEqual([1, 2, 3]);
    expect(versions("steady", bob.id)).toEqual([1, 2, 3]);
    expect(versions("flaky", bob.id)).toEqual([1, 2, 3]);
    expect(await findLaggingPersons({ db: prisma, subscribers: ["test.flaky", "test.steady"] })).not.toContain(ada.id);
  });

  it("delivers each event once when two dispatches for one person run at the same time", async () => {
    const { prisma } = database();
    const { events } = setup();
    const user = await createUser(prisma);
    await prisma.$transaction((tx) =>
      events.record(
        tx,
        Array.from({ length: 10 }, (_, n) =>
          newEvent(TaskChanged, {
            userId: user.id,
            aggregateId: user.id,
            version: n + 1,
            payload: { fields: ["summary"] },
          }),
        ),
      ),
    );
    const versions: number[] = [];
    const subscribers = [
      defineSubscriber({
        name: "test.counting",
        handlers: [
          on(TaskChanged, async ({ event }) => {
            versions.push(event.version);
          }),
        ],
      }),
    ];
    await Promise.all([
      dispatchEvents({ db: prisma, userId: user.id, subscribers, clock }),
      dispatchEvents({ db: prisma, userId: user.id, subscribers, clock }),
    ]);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it("prunes old events only once every subscriber has had them", async () => {
    const { prisma } = database();
    const { events } = setup();
    const user = await createUser(prisma);
    await prisma.$transaction((tx) =>
      events.record(
        tx,
        [1, 2].map((n) =>
          newEvent(TaskChanged, {
            userId: user.id,
            aggregateId: user.id,
            version: n,
            payload: { fields: ["summary"] },
          }),
        ),
      ),
    );
    const later = new Date(NOW.getTime() + (EVENT_RETENTION_DAYS + 1) * 24 * 60 * 60 * 1000);
    const fast = defineSubscriber({ name: "test.fast", handlers: [on(TaskChanged, async () => undefined)] });
    const stuck = defineSubscriber({
      name: "test.stuck",
      handlers: [
        on(TaskChanged, async ({ event }) => {
          if (event.version === 2) throw new Error("still failing");
        }),
      ],
    });
    await dispatchEvents({ db: prisma, userId: user.id, subscribers: [fast, stuck], clock });
    const names = ["test.fast", "test.stuck"];

    // Young events stay whoever had them.
    await expect(pruneDeliveredEvents({ db: prisma, subscribers: names, now: NOW })).resolves.toEqual({ deleted: 0 });
    // Old: the first went to both and goes; the second, which "test.stuck" still lacks, stays.
    await expect(pruneDeliveredEvents({ db: prisma, subscribers: names, now: later })).resolves.toEqual({ deleted: 1 });
    expect((await storedEvents(user.id)).map((event) => event.version)).toEqual([2]);
    // A subscriber that never saw this person keeps everything.
    await expect(
      pruneDeliveredEvents({ db: prisma, subscribers: [...names, "test.new"], now: later }),
    ).resolves.toEqual({ deleted: 0 });
  });
});

function taskInput(overrides: { summary?: string; startTime?: Date }) {
  return {
    summary: overrides.summary ?? "Write report",
    description: "",
    priority: 0,
    minutes: 30,
    ...(overrides.startTime ? { startTime: overrides.startTime } : {}),
  };
}
