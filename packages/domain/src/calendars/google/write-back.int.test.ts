import { createJobQueue, type JobQueue, registerJobs } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { listTaskHistory } from "../../scheduler/history/index.ts";
import { applyPlan, undoPlan, ZPlanInput } from "../../scheduler/plan/index.ts";
import { createPlanner, ZCreatePlannerInput } from "../../scheduler/planners/index.ts";
import {
  completeTask,
  createTask,
  deleteTask,
  getTask,
  reopenTask,
  updateTask,
  ZCreateTaskInput,
  ZUpdateTaskInput,
} from "../../scheduler/tasks/index.ts";
import { WEEKDAY_WORK_HOURS } from "../../scheduler/testing/scheduler-person.ts";
import { fixedClock } from "../../shared/clock.ts";
import {
  createEventOutbox,
  DISPATCH_EVENTS_QUEUE_OPTIONS,
  DispatchEventsJob,
  dispatchEvents,
} from "../../shared/events/index.ts";
import { testSecretKeyring } from "../../shared/index.ts";
import { writeTargetChanged } from "../events.ts";
import { ZUpdateCalendarInput } from "../schemas.ts";
import { applyOwnEventChanges } from "./apply-own-event-changes.ts";
import { sealAccessToken, sealRefreshToken } from "./connection-tokens.ts";
import type { GoogleConfig } from "./google-config.ts";
import { ownEventsHandler } from "./google-sync-job.ts";
import { syncConnection } from "./sync-connection.ts";
import { taskEventId } from "./task-event-id.ts";
import { updateConnectedCalendar } from "./update-connected-calendar.ts";
import { createGoogleWriteBackSubscriber } from "./write-back-subscriber.ts";
import { createWriteTaskJob, WRITE_TASK_JOB, WRITE_TASK_QUEUE_OPTIONS, WriteTaskJob } from "./write-task-job.ts";

const NOW = new Date("2026-06-01T05:00:00Z"); // Monday, 07:00 in Berlin
const clock = fixedClock(NOW);
/** Jobs are picked up by polling; a wait leaves room for a busy machine. */
const WAIT = { timeout: 30_000, interval: 100 };
const HOUR_MS = 60 * 60_000;

type Raw<T extends { parse(value: unknown): unknown }> = Parameters<T["parse"]>[0];

// The write-back end to end below the router: the scheduler's services record their events
// in the real outbox, the dispatcher hands them to the write-back subscriber, which queues
// write jobs on the real queue (pg-boss); its worker writes to the fake Google over HTTP.
describe("writing plans back to Google Calendar", () => {
  const database = useTestDatabase();
  let queue: JobQueue;
  let fake: FakeGoogle;
  let google: GoogleConfig;
  const secrets = testSecretKeyring();

  beforeAll(async () => {
    fake = await startFakeGoogle({ clientId: "agendacraft-test", clientSecret: "test-secret" });
    google = {
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      baseUrl: fake.url,
      syncIntervalSeconds: 300,
    };
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await queue.start();
    await queue.defineQueue(DispatchEventsJob.name, DISPATCH_EVENTS_QUEUE_OPTIONS);
    const writeJob = createWriteTaskJob({
      db: database().prisma,
      google,
      secrets,
      clock,
      events: createEventOutbox({ jobs: queue, clock }),
    });
    // The app's retry policy with a one-second base, so a retry comes within the test's wait.
    await registerJobs(queue, [{ ...writeJob, queueOptions: { ...WRITE_TASK_QUEUE_OPTIONS, retryDelay: 1 } }], {
      work: true,
      workOptions: { pollingIntervalSeconds: 0.5 },
    });
  });
  afterAll(async () => {
    await queue?.stop();
    await fake?.close();
  });

  /** A person with a connected Google account whose "AgendaCraft" calendar is the write target, and working hours. */
  async function personWithGoogle({
    writeTarget = true,
    planner = WEEKDAY_WORK_HOURS,
  }: {
    writeTarget?: boolean;
    planner?: Raw<typeof ZCreatePlannerInput>;
  } = {}) {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const email = `person-${user.id}@example.com`;
    const tokens = await fake.issueTokens({ email });
    const writeCalendar = fake.addCalendar(email, { summary: "AgendaCraft", timeZone: "Europe/Berlin" });
    // Stored as the connect flow stores them: sealed, valid for an hour on the test's clock.
    const connection = await prisma.calendarConnection.create({
      data: {
        userId: user.id,
        externalAccountId: email,
        email,
        name: email,
        scope: tokens.scope,
        accessToken: sealAccessToken(secrets, tokens.accessToken),
        refreshToken: sealRefreshToken(secrets, tokens.refreshToken),
        accessTokenExpiresAt: new Date(NOW.getTime() + HOUR_MS),
      },
    });
    const calendar = await prisma.connectedCalendar.create({
      data: {
        userId: user.id,
        connectionId: connection.id,
        externalId: writeCalendar.id,
        name: "AgendaCraft",
        writeTarget,
      },
    });
    const events = createEventOutbox({ jobs: queue, clock });
    const actor = { db: prisma, actorId: user.id, events };
    await createPlanner({ ...actor, input: ZCreatePlannerInput.parse(planner) });
    const subscribers = [createGoogleWriteBackSubscriber({ jobs: queue, clock })];
    const person = {
      userId: user.id,
      email,
      connection,
      calendar,
      googleCalendarId: writeCalendar.id,
      createTask: (raw: Raw<typeof ZCreateTaskInput>) =>
        createTask({ ...actor, input: ZCreateTaskInput.parse(raw), clock }),
      updateTask: (raw: Raw<typeof ZUpdateTaskInput>) =>
        updateTask({ ...actor, input: ZUpdateTaskInput.parse(raw), clock }),
      task: (id: string) => getTask({ db: prisma, actorId: user.id, id }),
      /** The task's history as the person reads it, newest first. */
      history: async (id: string) =>
        (await listTaskHistory({ db: prisma, actorId: user.id, input: { taskId: id, limit: 100 } })).items,
      plan: (raw?: Raw<typeof ZPlanInput>) => applyPlan({ ...actor, input: ZPlanInput.parse(raw), clock }),
      undo: (runId: string) => undoPlan({ ...actor, runId, clock }),
      complete: (id: string) => completeTask({ ...actor, id, clock }),
      reopen: (id: string) => reopenTask({ ...actor, id, clock }),
      delete: (id: string) => deleteTask({ ...actor, id }),
      /** Delivers the person's events to the write-back, as the worker's dispatch would. */
      deliver: async () => {
        const outcome = await dispatchEvents({ db: prisma, userId: user.id, subscribers, clock });
        expect(outcome.failed).toEqual([]);
      },
      /** The events in Google's calendar (deleted ones left out). */
      googleEvents: () => fake.events(writeCalendar.id),
      /** Waits until no write job of this person is waiting or running. */
      settled: async () => {
        await expect
          .poll(async () => {
            const { rows } = await database().pool.query<{ count: string }>(
              `SELECT count(*) FROM pgboss.job WHERE name = $1 AND data->>'userId' = $2
                 AND state IN ('created', 'retry', 'active')`,
              [WRITE_TASK_JOB, user.id],
            );
            return Number(rows[0]?.count);
          }, WAIT)
          .toBe(0);
      },
      /** What a sync hands over: our own events as Google now has them, deleted ones included. */
      syncOwnEvents: () =>
        applyOwnEventChanges({
          db: prisma,
          jobs: queue,
          events,
          clock,
          userId: user.id,
          calendarId: calendar.id,
          ownEvents: fake.events(writeCalendar.id, { includeDeleted: true }),
        }),
      /** The connection's busy-time sync, as its job runs it, with the write-back's inbound handler. */
      sync: () =>
        syncConnection({
          db: prisma,
          google,
          secrets,
          clock,
          events,
          onOwnEvents: ownEventsHandler({ db: prisma, jobs: queue, events, clock }),
          connectionId: connection.id,
        }),
      writesToGoogle: () =>
        fake.requests.filter(
          (request) =>
            request.method !== "GET" && decodeURIComponent(request.path).includes(`/calendars/${writeCalendar.id}/`),
        ),
    };
    return person;
  }

  type Person = Awaited<ReturnType<typeof personWithGoogle>>;

  /** Two one-hour tasks planned into Monday's working hours and written to Google. */
  async function plannedAndWritten(person: Person) {
    const write = await person.createTask({ summary: "Write report", minutes: 60 });
    const review = await person.createTask({ summary: "Review budget", minutes: 60 });
    const { run } = await person.plan();
    await person.deliver();
    await vi.waitFor(() => expect(person.googleEvents()).toHaveLength(2), WAIT);
    await person.settled();
    return { write: await person.task(write.id), review: await person.task(review.id), run };
  }

  it("writes each planned task as an event with its time, a fixed id and our task id, inviting nobody", async () => {
    const person = await personWithGoogle();
    const { write, review } = await plannedAndWritten(person);
    expect(write.startTime).not.toBeNull();
    const events = person.googleEvents();
    expect(events).toHaveLength(2);
    for (const task of [write, review]) {
      const event = events.find((each) => each.id === taskEventId(task.id, 0));
      expect(event).toMatchObject({
        status: "confirmed",
        summary: task.summary,
        transparency: "opaque",
        extendedProperties: { private: { agendacraftTaskId: task.id } },
      });
      expect(new Date(event?.start.dateTime as string)).toEqual(task.startTime);
      expect(new Date(event?.end.dateTime as string)).toEqual(task.endTime);
      expect(event?.attendees ?? []).toEqual([]);
    }
    // Two inserts, and nobody was notified: each said so.
    expect(person.writesToGoogle().map((request) => [request.method, request.query.sendUpdates])).toEqual([
      ["POST", "none"],
      ["POST", "none"],
    ]);
    // What was written is remembered with the task's version and Google's `updated`.
    const rows = await database().prisma.taskCalendarEvent.findMany({ where: { userId: person.userId } });
    expect(rows).toHaveLength(2);
    const row = rows.find((each) => each.taskId === write.id);
    expect(row).toMatchObject({ blockIndex: 0, taskVersion: write.version, externalEventId: taskEventId(write.id, 0) });
    expect(row?.googleUpdated?.toISOString()).toBe(
      person.googleEvents().find((each) => each.id === row?.externalEventId)?.updated,
    );
  });

  it("never duplicates: writing the same tasks again changes nothing in Google", async () => {
    const person = await personWithGoogle();
    const { write, review } = await plannedAndWritten(person);
    const writesBefore = person.writesToGoogle().length;
    // A repeated delivery or a retried job: the same jobs once more.
    for (const task of [write, review]) {
      await queue.send(WriteTaskJob, { userId: person.userId, taskId: task.id }, { singletonKey: task.id });
    }
    await person.settled();
    expect(person.googleEvents()).toHaveLength(2);
    expect(person.writesToGoogle()).toHaveLength(writesBefore);
  });

  it("writes nothing for a person without a write target", async () => {
    const person = await personWithGoogle({ writeTarget: false });
    await person.createTask({ summary: "Write report", minutes: 60 });
    await person.plan();
    await person.deliver();
    await person.settled();
    expect(person.googleEvents()).toEqual([]);
    expect(person.writesToGoogle()).toEqual([]);
  });

  it("marks a completed task's event with a check mark, and reopening takes it off", async () => {
    const person = await personWithGoogle();
    const { write } = await plannedAndWritten(person);
    const eventId = taskEventId(write.id, 0);
    await person.complete(write.id);
    await person.deliver();
    await vi.waitFor(() => expect(fake.event(person.googleCalendarId, eventId)?.summary).toBe("✓ Write report"), WAIT);
    await person.reopen(write.id);
    await person.deliver();
    await vi.waitFor(() => expect(fake.event(person.googleCalendarId, eventId)?.summary).toBe("Write report"), WAIT);
    expect(person.googleEvents()).toHaveLength(2);
  });

  it("deletes the event of a deleted task, and undoing a plan deletes the events it placed", async () => {
    const person = await personWithGoogle();
    const { write, run } = await plannedAndWritten(person);
    await person.delete(write.id);
    await person.deliver();
    await vi.waitFor(
      () => expect(person.googleEvents().map((event) => event.summary)).toEqual(["Review budget"]),
      WAIT,
    );
    await person.undo(run.id);
    await person.deliver();
    await vi.waitFor(() => expect(person.googleEvents()).toEqual([]), WAIT);
    await person.settled();
    expect(await database().prisma.taskCalendarEvent.count({ where: { userId: person.userId } })).toBe(0);
  });

  it("follows a task moved in AgendaCraft", async () => {
    const person = await personWithGoogle();
    const { write } = await plannedAndWritten(person);
    const later = new Date("2026-06-02T12:00:00Z");
    await person.updateTask({ id: write.id, startTime: later });
    await person.deliver();
    await vi.waitFor(
      () =>
        expect(fake.event(person.googleCalendarId, taskEventId(write.id, 0))?.start.dateTime).toSatisfy(
          (dateTime: string) => new Date(dateTime).getTime() === later.getTime(),
        ),
      WAIT,
    );
  });

  it("backs off when Google answers with a quota error, waits for Retry-After, and then finishes", async () => {
    const person = await personWithGoogle();
    await person.createTask({ summary: "Write report", minutes: 60 });
    // The first insert answers 429 with Retry-After: 1, the next 403 rateLimitExceeded.
    fake.failNext({ path: "/events", method: "POST", status: 429, retryAfterSeconds: 1 });
    fake.failNext({ path: "/events", method: "POST", status: 403, reason: "rateLimitExceeded" });
    await person.plan();
    await person.deliver();
    await vi.waitFor(() => expect(person.googleEvents()).toHaveLength(1), WAIT);
    await person.settled();
    const inserts = person.writesToGoogle().filter((request) => request.method === "POST");
    // Two refused, one that worked: a bounded number of requests, not a burst.
    expect(inserts.map((request) => request.status)).toEqual([429, 403, 200]);
    const { rows } = await database().pool.query<{ retry_count: number; state: string }>(
      "SELECT retry_count, state FROM pgboss.job WHERE name = $1 AND data->>'userId' = $2",
      [WRITE_TASK_JOB, person.userId],
    );
    expect(rows).toEqual([{ retry_count: 2, state: "completed" }]);
  });

  it("makes no call for a connection that needs reconnecting, and catches up once it is reconnected", async () => {
    const person = await personWithGoogle();
    await database().prisma.calendarConnection.update({
      where: { id: person.connection.id },
      data: { status: "needs_reconnect" },
    });
    await person.createTask({ summary: "Write report", minutes: 60 });
    await person.plan();
    await person.deliver();
    await person.settled();
    expect(
      fake.requests.filter((request) => decodeURIComponent(request.path).includes(person.googleCalendarId)),
    ).toEqual([]);
    expect(person.googleEvents()).toEqual([]);

    // Reconnected (as the connect flow records it): the writes skipped meanwhile are made.
    const { prisma } = database();
    await prisma.$transaction(async (tx) => {
      await tx.calendarConnection.update({ where: { id: person.connection.id }, data: { status: "ok" } });
      await createEventOutbox({ jobs: queue, clock }).record(tx, [
        writeTargetChanged(person.userId, person.connection.id, "reconnected"),
      ]);
    });
    await person.deliver();
    await vi.waitFor(() => expect(person.googleEvents().map((event) => event.summary)).toEqual(["Write report"]), WAIT);
  });

  it("stops, with the connection marked, when the person removed access in Google while our token had time left", async () => {
    const person = await personWithGoogle();
    await person.createTask({ summary: "Write report", minutes: 60 });
    fake.injectInvalidGrant(person.email);
    await person.plan();
    await person.deliver();
    await person.settled();
    const { prisma } = database();
    expect(
      await prisma.calendarConnection.findUniqueOrThrow({
        where: { id: person.connection.id },
        select: { status: true },
      }),
    ).toEqual({ status: "needs_reconnect" });
    // One refused insert and one refresh that said why: no retries against a grant that is gone.
    expect(person.writesToGoogle().map((request) => request.status)).toEqual([401]);
    expect(fake.tokenRefreshes(person.email)).toBe(1);
  });

  it("refreshes a token Google refused before its expiry and writes with the new one", async () => {
    const person = await personWithGoogle();
    await person.createTask({ summary: "Write report", minutes: 60 });
    fake.expireAccessTokens(person.email);
    await person.plan();
    await person.deliver();
    await vi.waitFor(() => expect(person.googleEvents().map((event) => event.summary)).toEqual(["Write report"]), WAIT);
    expect(fake.tokenRefreshes(person.email)).toBe(1);
  });

  it("a write target made read-only in Google (403) is marked, the connection says so, and no retries follow", async () => {
    const person = await personWithGoogle();
    const { write } = await plannedAndWritten(person);
    fake.setAccessRole(person.googleCalendarId, "reader");
    await person.updateTask({ id: write.id, summary: "Write the annual report" });
    await person.deliver();
    await person.settled();

    const prisma = database().prisma;
    const calendar = await prisma.connectedCalendar.findUniqueOrThrow({ where: { id: person.calendar.id } });
    expect(calendar).toMatchObject({ accessRole: "reader", writeTarget: true });
    const connection = await prisma.calendarConnection.findUniqueOrThrow({ where: { id: person.connection.id } });
    expect(connection.lastError).toBe(
      'Google no longer lets AgendaCraft change events in "AgendaCraft" (it is read-only for this account), so plans are not written there. Choose another calendar for plans.',
    );
    // One refused write, then none: the next change makes no call at all.
    expect(person.writesToGoogle().filter((request) => request.status === 403)).toHaveLength(1);
    const writesBefore = person.writesToGoogle().length;
    await person.updateTask({ id: write.id, summary: "Write the report, again" });
    await person.deliver();
    await person.settled();
    expect(person.writesToGoogle()).toHaveLength(writesBefore);
    // A good sync keeps saying it, since plans still are not written.
    await person.sync();
    const synced = await prisma.calendarConnection.findUniqueOrThrow({ where: { id: person.connection.id } });
    expect(synced).toMatchObject({ status: "ok", lastError: connection.lastError });
  });

  it("moves and pins a task whose event was moved in Google, and writes nothing back for it", async () => {
    const person = await personWithGoogle();
    const { write, review } = await plannedAndWritten(person);
    const eventId = taskEventId(write.id, 0);
    const start = new Date("2026-06-03T13:00:00Z");
    const end = new Date("2026-06-03T14:30:00Z");
    fake.updateEvent(person.googleCalendarId, eventId, {
      start: { dateTime: start.toISOString() },
      end: { dateTime: end.toISOString() },
    });
    const writesBefore = person.writesToGoogle().length;

    await expect(person.syncOwnEvents()).resolves.toBe(1);
    const moved = await person.task(write.id);
    expect(moved).toMatchObject({ startTime: start, endTime: end, minutes: 90 });
    expect(await person.task(review.id)).toEqual(review);
    // Seen again (the next sync), nothing more happens.
    await expect(person.syncOwnEvents()).resolves.toBe(0);

    // Pinned: a new plan leaves it where the person put it.
    await person.plan();
    expect((await person.task(write.id)).startTime).toEqual(start);
    // The move's own event reaches the write-back, which finds Google already right.
    await person.deliver();
    await person.settled();
    expect(person.writesToGoogle()).toHaveLength(writesBefore);
    const history = await database().prisma.domainEvent.findMany({
      where: { userId: person.userId, aggregateId: write.id, type: "scheduler.task_changed" },
    });
    expect(history.map((event) => event.payload)).toContainEqual(expect.objectContaining({ source: "google" }));
    // Said once, for the person, with where it was and where it went; no conflict, so no winner.
    const [latest, ...earlier] = await person.history(write.id);
    expect(latest).toMatchObject({
      kind: "moved_in_google",
      detail: {
        from: { start: write.startTime?.toISOString(), end: write.endTime?.toISOString() },
        to: { start: start.toISOString(), end: end.toISOString() },
      },
    });
    expect(latest?.detail.winner).toBeUndefined();
    expect(earlier.map((entry) => entry.kind)).not.toContain("moved_in_google");
  });

  it("unschedules a task whose event was deleted in Google; planning it again brings the same event back", async () => {
    const person = await personWithGoogle();
    const { write } = await plannedAndWritten(person);
    const eventId = taskEventId(write.id, 0);
    fake.deleteEvent(person.googleCalendarId, eventId);

    await expect(person.syncOwnEvents()).resolves.toBe(1);
    expect(await person.task(write.id)).toMatchObject({ startTime: null, endTime: null });
    expect((await person.history(write.id))[0]).toMatchObject({
      kind: "unscheduled_in_google",
      detail: { from: { start: write.startTime?.toISOString() }, to: null },
    });
    await person.deliver();
    await person.settled();
    expect(person.googleEvents()).toHaveLength(1);

    // Planned again: the id is still taken by the deleted event, so the insert meets 409 and restores it.
    await person.plan();
    await person.deliver();
    await vi.waitFor(() => expect(fake.event(person.googleCalendarId, eventId)?.status).toBe("confirmed"), WAIT);
    await person.settled();
    expect(person.googleEvents()).toHaveLength(2);
    const attempts = person.writesToGoogle().filter((request) => request.path.endsWith("/events"));
    expect(attempts.at(-1)?.status).toBe(409);
    const task = await person.task(write.id);
    expect(new Date(fake.event(person.googleCalendarId, eventId)?.start.dateTime as string)).toEqual(task.startTime);
  });

  it("through the busy-time sync: a move in Google moves its task, a deletion unschedules its task, both counted", async () => {
    const person = await personWithGoogle();
    const { write, review } = await plannedAndWritten(person);
    // The first sync reads our own events as we wrote them: nothing changes.
    await expect(person.sync()).resolves.toEqual({ status: "ok", changed: 0 });

    const start = new Date("2026-06-03T13:00:00Z");
    fake.updateEvent(person.googleCalendarId, taskEventId(write.id, 0), {
      start: { dateTime: start.toISOString() },
      end: { dateTime: new Date(start.getTime() + HOUR_MS).toISOString() },
    });
    fake.deleteEvent(person.googleCalendarId, taskEventId(review.id, 0));
    await expect(person.sync()).resolves.toEqual({ status: "ok", changed: 2 });
    expect(await person.task(write.id)).toMatchObject({ startTime: start });
    expect(await person.task(review.id)).toMatchObject({ startTime: null, endTime: null });
    await expect(person.sync()).resolves.toEqual({ status: "ok", changed: 0 });
  });

  it("changes nothing for someone else: events offered under another person's id are not theirs", async () => {
    const person = await personWithGoogle();
    const stranger = await createUser(database().prisma);
    const { write } = await plannedAndWritten(person);
    fake.updateEvent(person.googleCalendarId, taskEventId(write.id, 0), {
      start: { dateTime: "2026-06-04T08:00:00Z" },
      end: { dateTime: "2026-06-04T09:00:00Z" },
    });
    const moved = await applyOwnEventChanges({
      db: database().prisma,
      jobs: queue,
      events: createEventOutbox({ jobs: queue, clock }),
      clock,
      userId: stranger.id,
      calendarId: person.calendar.id,
      ownEvents: fake.events(person.googleCalendarId),
    });
    expect(moved).toBe(0);
    expect(await person.task(write.id)).toEqual(write);
  });

  it("takes nothing from its own writes when a sync reads them back", async () => {
    const person = await personWithGoogle();
    const { write, review } = await plannedAndWritten(person);
    await expect(person.syncOwnEvents()).resolves.toBe(0);
    expect(await person.task(write.id)).toEqual(write);
    expect(await person.task(review.id)).toEqual(review);
  });

  it("writes one event per part of a split task, and a part moved in Google moves only that part", async () => {
    // One hour a day: a 90-minute task fits no single window, so the plan splits it.
    const person = await personWithGoogle({
      planner: { ...WEEKDAY_WORK_HOURS, startTime: "09:00", minutes: 60 },
    });
    const task = await person.createTask({ summary: "Deep work", minutes: 90 });
    await person.plan({ options: { split: { enabled: true, minChunkMinutes: 30 } } });
    const blocks = await database().prisma.taskBlock.findMany({
      where: { taskId: task.id },
      orderBy: { start: "asc" },
    });
    expect(blocks).toHaveLength(2);
    await person.deliver();
    await vi.waitFor(() => expect(person.googleEvents()).toHaveLength(2), WAIT);
    for (const [index, block] of blocks.entries()) {
      const event = fake.event(person.googleCalendarId, taskEventId(task.id, index));
      expect(event?.summary).toBe("Deep work");
      expect(new Date(event?.start.dateTime as string)).toEqual(block.start);
      expect(new Date(event?.end.dateTime as string)).toEqual(block.end);
    }
    await person.settled();

    // The second part moved to Friday 15:00-15:45 in Google (and made longer).
    const start = new Date("2026-06-05T13:00:00Z");
    const end = new Date("2026-06-05T13:45:00Z");
    fake.updateEvent(person.googleCalendarId, taskEventId(task.id, 1), {
      start: { dateTime: start.toISOString() },
      end: { dateTime: end.toISOString() },
    });
    await expect(person.syncOwnEvents()).resolves.toBe(1);
    const after = await database().prisma.taskBlock.findMany({ where: { taskId: task.id }, orderBy: { start: "asc" } });
    expect(after.map((block) => [block.start, block.end])).toEqual([
      [blocks[0]?.start, blocks[0]?.end],
      [start, end],
    ]);
    expect(await person.task(task.id)).toMatchObject({ startTime: blocks[0]?.start, endTime: end, minutes: 105 });
  });

  it("moves the events to a new write target chosen in Settings and deletes them from the old one", async () => {
    const person = await personWithGoogle();
    const { write, review } = await plannedAndWritten(person);
    const { prisma } = database();
    const email = person.connection.email;
    const primary = await prisma.connectedCalendar.create({
      data: {
        userId: person.userId,
        connectionId: person.connection.id,
        externalId: email,
        name: email,
        primary: true,
      },
    });
    // The person picks their primary calendar in Settings; its event reaches the write-back.
    await updateConnectedCalendar({
      db: prisma,
      actorId: person.userId,
      input: ZUpdateCalendarInput.parse({ id: primary.id, writeTarget: true }),
      events: createEventOutbox({ jobs: queue, clock }),
      jobs: queue,
    });
    await person.deliver();

    await vi.waitFor(() => expect(person.googleEvents()).toEqual([]), WAIT);
    await vi.waitFor(
      () =>
        expect(
          fake
            .events(email)
            .map((event) => event.id)
            .sort(),
        ).toEqual([taskEventId(write.id, 0), taskEventId(review.id, 0)].sort()),
      WAIT,
    );
    await person.settled();
    const rows = await prisma.taskCalendarEvent.findMany({ where: { userId: person.userId } });
    expect(rows.map((row) => row.calendarId)).toEqual([primary.id, primary.id]);
  });

  describe("when both sides changed the task since it was written, the later change wins", () => {
    it("Google's later move wins over an earlier move in AgendaCraft", async () => {
      const person = await personWithGoogle();
      const { write } = await plannedAndWritten(person);
      await person.updateTask({ id: write.id, startTime: new Date("2026-06-02T12:00:00Z") });
      const changedHere = (await person.task(write.id)).updatedAt;
      await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(changedHere.getTime()));
      const start = new Date("2026-06-04T08:00:00Z");
      fake.updateEvent(person.googleCalendarId, taskEventId(write.id, 0), {
        start: { dateTime: start.toISOString() },
        end: { dateTime: new Date(start.getTime() + HOUR_MS).toISOString() },
      });

      await expect(person.syncOwnEvents()).resolves.toBe(1);
      expect((await person.task(write.id)).startTime).toEqual(start);
      await person.deliver();
      await person.settled();
      expect(new Date(fake.event(person.googleCalendarId, taskEventId(write.id, 0))?.start.dateTime as string)).toEqual(
        start,
      );
      await expect(conflicts(person.userId, write.id)).resolves.toEqual([
        expect.objectContaining({ change: "moved", winner: "google" }),
      ]);
      expect((await person.history(write.id)).map((entry) => [entry.kind, entry.detail.winner])).toEqual([
        ["moved_in_google", "google"],
        ["planned", undefined],
        ["created", undefined],
      ]);
    });

    it("Google's later delete wins over an earlier move in AgendaCraft, and the history says so", async () => {
      const person = await personWithGoogle();
      const { write } = await plannedAndWritten(person);
      await person.updateTask({ id: write.id, startTime: new Date("2026-06-02T12:00:00Z") });
      const changedHere = (await person.task(write.id)).updatedAt;
      await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(changedHere.getTime()));
      fake.deleteEvent(person.googleCalendarId, taskEventId(write.id, 0));

      await expect(person.syncOwnEvents()).resolves.toBe(1);
      expect((await person.task(write.id)).startTime).toBeNull();
      expect((await person.history(write.id))[0]).toMatchObject({
        kind: "unscheduled_in_google",
        detail: { from: { start: "2026-06-02T12:00:00.000Z" }, to: null, winner: "google" },
      });
    });

    it("AgendaCraft's later move wins over an earlier move in Google, which is put back", async () => {
      const person = await personWithGoogle();
      const { write } = await plannedAndWritten(person);
      const eventId = taskEventId(write.id, 0);
      const inGoogle = fake.updateEvent(person.googleCalendarId, eventId, {
        start: { dateTime: "2026-06-04T08:00:00Z" },
        end: { dateTime: "2026-06-04T09:00:00Z" },
      });
      await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(Date.parse(inGoogle.updated)));
      const here = new Date("2026-06-02T12:00:00Z");
      await person.updateTask({ id: write.id, startTime: here });

      await expect(person.syncOwnEvents()).resolves.toBe(0);
      expect((await person.task(write.id)).startTime).toEqual(here);
      await person.deliver();
      await vi.waitFor(
        () => expect(new Date(fake.event(person.googleCalendarId, eventId)?.start.dateTime as string)).toEqual(here),
        WAIT,
      );
      await expect(conflicts(person.userId, write.id)).resolves.toEqual([
        expect.objectContaining({ change: "moved", winner: "agendacraft" }),
      ]);
      // The task did not change for it, but the person can read that Google's edit was replaced.
      const [latest] = await person.history(write.id);
      expect(latest).toMatchObject({
        kind: "google_change_ignored",
        detail: {
          change: "moved",
          winner: "agendacraft",
          google: { start: "2026-06-04T08:00:00.000Z", end: "2026-06-04T09:00:00.000Z" },
          to: { start: here.toISOString() },
        },
      });
      // Putting the event back is our own write: a later sync reads it back and records nothing more.
      await person.settled();
      await person.syncOwnEvents();
      expect((await person.history(write.id)).filter((entry) => entry.kind === "google_change_ignored")).toHaveLength(
        1,
      );
    });

    it("AgendaCraft's later move wins over an earlier delete in Google: the event comes back, the history says so", async () => {
      const person = await personWithGoogle();
      const { write } = await plannedAndWritten(person);
      const eventId = taskEventId(write.id, 0);
      fake.deleteEvent(person.googleCalendarId, eventId);
      const deletedAt = Date.parse(fake.event(person.googleCalendarId, eventId)?.updated ?? "");
      await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(deletedAt));
      const here = new Date("2026-06-02T12:00:00Z");
      await person.updateTask({ id: write.id, startTime: here });

      await expect(person.syncOwnEvents()).resolves.toBe(0);
      expect((await person.task(write.id)).startTime).toEqual(here);
      expect((await person.history(write.id))[0]).toMatchObject({
        kind: "google_change_ignored",
        detail: { change: "deleted", winner: "agendacraft", google: null, to: { start: here.toISOString() } },
      });
      await person.deliver();
      await vi.waitFor(() => expect(fake.event(person.googleCalendarId, eventId)?.status).toBe("confirmed"), WAIT);
    });
  });

  describe("a task renamed through its event in Google", () => {
    it("takes the new title at the next sync, ignoring the done mark, and writes nothing back", async () => {
      const person = await personWithGoogle();
      const { write, review } = await plannedAndWritten(person);
      fake.updateEvent(person.googleCalendarId, taskEventId(write.id, 0), { summary: "Write the annual report" });
      const writesBefore = person.writesToGoogle().length;

      await expect(person.syncOwnEvents()).resolves.toBe(1);
      const renamed = await person.task(write.id);
      expect(renamed).toMatchObject({ summary: "Write the annual report", startTime: write.startTime });
      expect(await person.task(review.id)).toEqual(review);
      await expect(person.syncOwnEvents()).resolves.toBe(0);
      await person.deliver();
      await person.settled();
      expect(person.writesToGoogle()).toHaveLength(writesBefore);
      const history = await database().prisma.domainEvent.findMany({
        where: { userId: person.userId, aggregateId: write.id, type: "scheduler.task_changed" },
      });
      expect(history.map((event) => event.payload)).toContainEqual({ fields: ["summary"], source: "google" });
      expect((await person.history(write.id))[0]).toMatchObject({
        kind: "renamed_in_google",
        detail: { fromSummary: write.summary, toSummary: "Write the annual report" },
      });

      // Done: we write "✓ Write the annual report"; the person's edit of the title behind the mark counts.
      await person.complete(write.id);
      await person.deliver();
      await vi.waitFor(
        () =>
          expect(fake.event(person.googleCalendarId, taskEventId(write.id, 0))?.summary).toBe(
            "✓ Write the annual report",
          ),
        WAIT,
      );
      await person.settled();
      await expect(person.syncOwnEvents()).resolves.toBe(0);
      fake.updateEvent(person.googleCalendarId, taskEventId(write.id, 0), { summary: "✓ Annual report" });
      await expect(person.syncOwnEvents()).resolves.toBe(1);
      expect((await person.task(write.id)).summary).toBe("Annual report");
    });

    it("Google's later rename wins over an earlier one in AgendaCraft", async () => {
      const person = await personWithGoogle();
      const { write } = await plannedAndWritten(person);
      await person.updateTask({ id: write.id, summary: "Renamed here" });
      const changedHere = (await person.task(write.id)).updatedAt;
      await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(changedHere.getTime()));
      fake.updateEvent(person.googleCalendarId, taskEventId(write.id, 0), { summary: "Renamed in Google" });

      await expect(person.syncOwnEvents()).resolves.toBe(1);
      expect((await person.task(write.id)).summary).toBe("Renamed in Google");
      await person.deliver();
      await person.settled();
      expect(fake.event(person.googleCalendarId, taskEventId(write.id, 0))?.summary).toBe("Renamed in Google");
      await expect(conflicts(person.userId, write.id)).resolves.toEqual([
        expect.objectContaining({ change: "renamed", winner: "google" }),
      ]);
      expect((await person.history(write.id))[0]).toMatchObject({
        kind: "renamed_in_google",
        detail: { fromSummary: "Renamed here", toSummary: "Renamed in Google", winner: "google" },
      });
    });

    it("AgendaCraft's later rename wins over an earlier one in Google, which is put back", async () => {
      const person = await personWithGoogle();
      const { write } = await plannedAndWritten(person);
      const eventId = taskEventId(write.id, 0);
      const inGoogle = fake.updateEvent(person.googleCalendarId, eventId, { summary: "Renamed in Google" });
      await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(Date.parse(inGoogle.updated)));
      await person.updateTask({ id: write.id, summary: "Renamed here" });

      await expect(person.syncOwnEvents()).resolves.toBe(0);
      expect((await person.task(write.id)).summary).toBe("Renamed here");
      await person.deliver();
      await vi.waitFor(() => expect(fake.event(person.googleCalendarId, eventId)?.summary).toBe("Renamed here"), WAIT);
      await expect(conflicts(person.userId, write.id)).resolves.toEqual([
        expect.objectContaining({ change: "renamed", winner: "agendacraft" }),
      ]);
      expect((await person.history(write.id))[0]).toMatchObject({
        kind: "google_change_ignored",
        detail: {
          change: "renamed",
          fromSummary: "Renamed here",
          toSummary: "Renamed in Google",
          winner: "agendacraft",
        },
      });
    });
  });

  async function conflicts(userId: string, taskId: string) {
    const events = await database().prisma.domainEvent.findMany({
      where: { userId, aggregateId: taskId, type: "calendars.google_conflict_resolved" },
    });
    return events.map((event) => event.payload);
  }
});
