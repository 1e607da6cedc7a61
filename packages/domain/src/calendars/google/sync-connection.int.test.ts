import { createJobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { previewPlan, ZPlanInput } from "../../scheduler/plan/index.ts";
import { createPlanner, ZCreatePlannerInput } from "../../scheduler/planners/index.ts";
import { createTask, ZCreateTaskInput } from "../../scheduler/tasks/index.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { testSecretKeyring } from "../../shared/secrets/test-secret-keyring.ts";
import { listBusy } from "../list-busy.ts";
import { ownEventsHandler } from "./google-sync-job.ts";
import type { GoogleEvent } from "./read-google-event.ts";
import { type OnOwnEvents, syncConnection } from "./sync-connection.ts";
import { googleConfigForFake, seedGoogleConnection } from "./testing/seed-google-connection.ts";

// Monday 7 December 2026, 07:00 in Berlin.
const clock = fixedClock("2026-12-07T06:00:00Z");
const WEEK = { from: new Date("2026-12-07T00:00:00Z"), to: new Date("2026-12-14T00:00:00Z") };
const secrets = testSecretKeyring();
const at = (berlinTime: string) => ({ dateTime: `2026-12-07T${berlinTime}:00+01:00`, timeZone: "Europe/Berlin" });

describe("syncing busy time from Google", () => {
  const database = useTestDatabase();
  let fake: FakeGoogle;

  beforeAll(async () => {
    fake = await startFakeGoogle({ clientId: "test-client", clientSecret: "test-secret" });
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function connected({ timeZone = "Europe/Berlin" }: { timeZone?: string } = {}) {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone });
    const email = `${user.id}@example.com`;
    const seeded = await seedGoogleConnection({ prisma, fake, secrets, clock, userId: user.id, email });
    const events = createRecordingEvents();
    const ownSeen: GoogleEvent[][] = [];
    const onOwnEvents: OnOwnEvents = async ({ ownEvents }) => {
      ownSeen.push([...ownEvents]);
      return 0;
    };
    const sync = () =>
      syncConnection({
        db: prisma,
        google: googleConfigForFake(fake),
        secrets,
        clock,
        events,
        onOwnEvents,
        connectionId: seeded.connectionId,
      });
    const busy = async () =>
      (await listBusy({ db: prisma, actorId: user.id, input: WEEK })).map(({ summary, start, end }) => ({
        summary,
        start,
        end,
      }));
    const listRequests = () =>
      fake.requests.filter((request) => request.path.startsWith("/calendar/v3/calendars/") && request.method === "GET");
    const connection = () =>
      prisma.calendarConnection.findUniqueOrThrow({
        where: { id: seeded.connectionId },
        select: { status: true, lastSyncedAt: true, lastError: true },
      });
    return { prisma, user, email, ...seeded, events, ownSeen, sync, busy, listRequests, connection };
  }

  it("applies the busy rules to what Google lists", async () => {
    const { email, sync, busy, ownSeen, connection } = await connected();
    fake.addEvent(email, { summary: "Standup", start: at("09:00"), end: at("09:30") });
    fake.addEvent(email, {
      summary: "Lunch (free)",
      start: at("12:00"),
      end: at("13:00"),
      transparency: "transparent",
    });
    fake.addEvent(email, {
      summary: "Declined review",
      start: at("14:00"),
      end: at("15:00"),
      attendees: [
        { email, self: true, responseStatus: "declined" },
        { email: "boss@example.com", organizer: true, responseStatus: "accepted" },
      ],
    });
    fake.addEvent(email, {
      summary: "Office",
      start: at("08:00"),
      end: at("17:00"),
      eventType: "workingLocation",
      transparency: "transparent",
    });
    fake.addEvent(email, { summary: "Deep work", start: at("10:00"), end: at("11:00"), eventType: "focusTime" });
    fake.addEvent(email, {
      summary: "Doctor",
      start: { dateTime: "2026-12-08T08:00:00+01:00" },
      end: { dateTime: "2026-12-08T10:00:00+01:00" },
      eventType: "outOfOffice",
    });
    fake.addEvent(email, { summary: "Holiday", start: { date: "2026-12-09" }, end: { date: "2026-12-10" } });
    fake.addEvent(email, { summary: "Called off", start: at("16:00"), end: at("17:00"), status: "cancelled" });
    // A weekly series: Google lists its instances (singleEvents); this week's was moved to 15:00.
    const series = fake.addEvent(email, {
      summary: "Weekly",
      start: at("11:00"),
      end: at("11:30"),
      recurrence: ["RRULE:FREQ=WEEKLY"],
    });
    fake.addEvent(email, {
      summary: "Weekly",
      recurringEventId: series.id,
      originalStartTime: at("11:00"),
      start: at("15:00"),
      end: at("15:30"),
    });
    // AgendaCraft's own event for a task: never busy, handed to the write-back.
    fake.addEvent(email, {
      summary: "Write report",
      start: at("13:00"),
      end: at("14:00"),
      extendedProperties: { private: { agendacraftTaskId: "0190a000-0000-7000-8000-000000000001" } },
    });

    // Busy: Standup, Deep work, Doctor, this week's moved Weekly, and the series' 12 later
    // Mondays inside the 90 days synced (14 December to 1 March).
    await expect(sync()).resolves.toEqual({ status: "ok", changed: 16 });

    expect(await busy()).toEqual([
      { summary: "Standup", start: new Date("2026-12-07T08:00:00Z"), end: new Date("2026-12-07T08:30:00Z") },
      { summary: "Deep work", start: new Date("2026-12-07T09:00:00Z"), end: new Date("2026-12-07T10:00:00Z") },
      // Only the moved instance's new time, not 11:00.
      { summary: "Weekly", start: new Date("2026-12-07T14:00:00Z"), end: new Date("2026-12-07T14:30:00Z") },
      { summary: "Doctor", start: new Date("2026-12-08T07:00:00Z"), end: new Date("2026-12-08T09:00:00Z") },
    ]);
    expect(ownSeen.flat().map((event) => event.summary)).toEqual(["Write report"]);
    expect(await connection()).toEqual({ status: "ok", lastSyncedAt: clock.now(), lastError: null });
  });

  it("counts a busy all-day event as the whole day in the person's zone when the calendar says so", async () => {
    const { prisma, email, calendarId, sync, busy } = await connected({ timeZone: "Asia/Kathmandu" });
    fake.addEvent(email, { summary: "Offsite", start: { date: "2026-12-09" }, end: { date: "2026-12-11" } });
    await sync();
    expect(await busy()).toEqual([]);

    // As calendars.google.updateCalendar does: the new rule needs a full list.
    await prisma.connectedCalendar.update({ where: { id: calendarId }, data: { allDayBusy: true, syncToken: null } });
    await expect(sync()).resolves.toEqual({ status: "ok", changed: 1 });
    expect(await busy()).toEqual([
      // Kathmandu's midnight (UTC+05:45) on the 9th to its midnight on the 11th.
      { summary: "Offsite", start: new Date("2026-12-08T18:15:00Z"), end: new Date("2026-12-10T18:15:00Z") },
    ]);
  });

  it("later syncs use the sync token: one request per busy calendar when nothing changed, changes when something did", async () => {
    const { prisma, user, email, connectionId, sync, busy, listRequests, events } = await connected();
    const team = fake.addCalendar(email, { summary: "Team" });
    const ignored = fake.addCalendar(email, { summary: "Birthdays" });
    await prisma.connectedCalendar.createMany({
      data: [
        { userId: user.id, connectionId, externalId: team.id, name: "Team", busy: true },
        { userId: user.id, connectionId, externalId: ignored.id, name: "Birthdays", busy: false },
      ],
    });
    const standup = fake.addEvent(email, { summary: "Standup", start: at("09:00"), end: at("09:30") });
    const retro = fake.addEvent(team.id, { summary: "Retro", start: at("16:00"), end: at("17:00") });
    fake.addEvent(ignored.id, { summary: "Ana's birthday", start: at("10:00"), end: at("10:30") });
    await expect(sync()).resolves.toEqual({ status: "ok", changed: 2 });

    fake.clearRequests();
    events.recorded.length = 0;
    await expect(sync()).resolves.toEqual({ status: "ok", changed: 0 });
    // Steady state: one events.list per busy calendar, each with its sync token; no token refresh.
    expect(fake.requests.map((request) => request.path)).toEqual([
      `/calendar/v3/calendars/${encodeURIComponent(email)}/events`,
      `/calendar/v3/calendars/${encodeURIComponent(team.id)}/events`,
    ]);
    expect(listRequests().every((request) => typeof request.query.syncToken === "string")).toBe(true);
    expect(events.names()).toEqual([]);

    fake.updateEvent(email, standup.id, { start: at("09:15"), end: at("09:45") });
    fake.deleteEvent(team.id, retro.id);
    fake.addEvent(team.id, { summary: "Planning", start: at("13:00"), end: at("14:00") });
    await expect(sync()).resolves.toEqual({ status: "ok", changed: 3 });
    expect(await busy()).toEqual([
      { summary: "Standup", start: new Date("2026-12-07T08:15:00Z"), end: new Date("2026-12-07T08:45:00Z") },
      { summary: "Planning", start: new Date("2026-12-07T12:00:00Z"), end: new Date("2026-12-07T13:00:00Z") },
    ]);
    // The auto-replan subscriber reacts to this.
    expect(events.names()).toContain("calendars.busy_changed");
  });

  it("after 410 Gone lists the calendar fully again, without duplicates", async () => {
    const { prisma, email, calendarId, sync, busy, listRequests } = await connected();
    fake.addEvent(email, { summary: "Standup", start: at("09:00"), end: at("09:30") });
    const review = fake.addEvent(email, { summary: "Review", start: at("14:00"), end: at("15:00") });
    await sync();
    fake.deleteEvent(email, review.id);
    fake.addEvent(email, { summary: "Demo", start: at("16:00"), end: at("16:30") });
    fake.expireSyncTokens(email);

    fake.clearRequests();
    await expect(sync()).resolves.toEqual({ status: "ok", changed: 2 });
    const [expired, full] = listRequests();
    expect(expired?.status).toBe(410);
    expect(full?.query).toMatchObject({ singleEvents: "true", timeMin: expect.any(String) });
    expect(full?.query.syncToken).toBeUndefined();
    expect((await busy()).map((event) => event.summary)).toEqual(["Standup", "Demo"]);
    expect(await prisma.calendarEvent.count({ where: { calendarId } })).toBe(2);
  });

  it("follows every page", async () => {
    const { prisma, email, calendarId, sync, listRequests } = await connected();
    for (let i = 0; i < 260; i++) {
      const start = new Date(Date.UTC(2026, 11, 8 + Math.floor(i / 20), 7, (i % 20) * 3));
      const end = new Date(start.getTime() + 2 * 60_000);
      fake.addEvent(email, {
        summary: `Slot ${i}`,
        start: { dateTime: start.toISOString() },
        end: { dateTime: end.toISOString() },
      });
    }
    fake.clearRequests();
    await expect(sync()).resolves.toEqual({ status: "ok", changed: 260 });
    expect(listRequests()).toHaveLength(2);
    expect(listRequests()[1]?.query.pageToken).toEqual(expect.any(String));
    expect(await prisma.calendarEvent.count({ where: { calendarId } })).toBe(260);
  });

  it("does not sync a connection waiting to be reconnected, and marks one whose grant Google revoked", async () => {
    const { prisma, email, connectionId, sync, connection } = await connected();
    fake.addEvent(email, { summary: "Standup", start: at("09:00"), end: at("09:30") });
    // The access token has run out; the refresh finds the grant revoked.
    await prisma.calendarConnection.update({
      where: { id: connectionId },
      data: { accessTokenExpiresAt: clock.now() },
    });
    fake.injectInvalidGrant(email);
    fake.clearRequests();
    await expect(sync()).resolves.toEqual({ status: "needs_reconnect", changed: 0 });
    expect(fake.requests.map((request) => request.path)).toEqual(["/token"]);
    expect(await connection()).toMatchObject({
      status: "needs_reconnect",
      lastError: expect.stringContaining("Reconnect"),
    });

    fake.clearRequests();
    await expect(sync()).resolves.toEqual({ status: "needs_reconnect", changed: 0 });
    expect(fake.requests).toEqual([]);
  });

  it("marks the connection at once when the person removed access in Google while our token had time left", async () => {
    const { email, sync, connection } = await connected();
    // Removing access ends the refresh token and every access token, whatever their expiry.
    fake.injectInvalidGrant(email);
    fake.clearRequests();
    await expect(sync()).resolves.toEqual({ status: "needs_reconnect", changed: 0 });
    // The list is refused (401), one refresh tells why (invalid_grant), and nothing more is asked.
    expect(fake.requests.map((request) => `${request.method} ${request.path.split("/events")[0]}`)).toEqual([
      `GET /calendar/v3/calendars/${encodeURIComponent(email)}`,
      "POST /token",
    ]);
    expect(await connection()).toMatchObject({ status: "needs_reconnect" });
  });

  it("refreshes once and carries on when Google refuses a token before its expiry but the grant stands", async () => {
    const { email, sync } = await connected();
    fake.addEvent(email, { summary: "Standup", start: at("09:00"), end: at("09:30") });
    fake.expireAccessTokens(email);
    await expect(sync()).resolves.toEqual({ status: "ok", changed: 1 });
    expect(fake.tokenRefreshes(email)).toBe(1);
  });

  it("says why in words when Google fails, keeps the events of the last good sync, and asks for a retry", async () => {
    const { email, sync, busy, connection } = await connected();
    fake.addEvent(email, { summary: "Standup", start: at("09:00"), end: at("09:30") });
    await sync();

    fake.failNext({ path: "/events", status: 503 });
    await expect(sync()).resolves.toEqual({
      status: "error",
      changed: 0,
      retry: { afterSeconds: undefined, quota: false },
    });
    expect(await connection()).toMatchObject({ status: "error", lastError: expect.stringContaining("(503)") });
    expect((await busy()).map((event) => event.summary)).toEqual(["Standup"]);

    fake.failNext({ path: "/events", status: 429, retryAfterSeconds: 7 });
    await expect(sync()).resolves.toMatchObject({ status: "error", retry: { afterSeconds: 7, quota: true } });
    expect(await connection()).toMatchObject({ lastError: expect.stringContaining("slow down") });

    await expect(sync()).resolves.toEqual({ status: "ok", changed: 0 });
    expect(await connection()).toMatchObject({ status: "ok", lastError: null });
  });

  it("hands AgendaCraft's cancelled events to the write-back (Google sends them without their properties)", async () => {
    const { prisma, user, email, calendarId, sync, ownSeen } = await connected();
    const own = fake.addEvent(email, {
      summary: "Write report",
      start: at("13:00"),
      end: at("14:00"),
      extendedProperties: { private: { agendacraftTaskId: "0190a000-0000-7000-8000-000000000001" } },
    });
    await prisma.taskCalendarEvent.create({
      data: {
        userId: user.id,
        calendarId,
        taskId: "0190a000-0000-7000-8000-000000000001",
        externalEventId: own.id,
        start: new Date("2026-12-07T12:00:00Z"),
        end: new Date("2026-12-07T13:00:00Z"),
        summary: "Write report",
        taskVersion: 1,
      },
    });
    await sync();
    fake.deleteEvent(email, own.id);
    await sync();
    expect(ownSeen.map((events) => events.map((event) => [event.id, event.status]))).toEqual([
      [[own.id, "confirmed"]],
      [[own.id, "cancelled"]],
    ]);
    expect(await prisma.calendarEvent.count({ where: { calendarId } })).toBe(0);
  });

  it("a task whose event was moved in Google follows it, and the move counts as a change", async () => {
    const { prisma, user, email, connectionId, calendarId, events } = await connected();
    const task = await createTask({
      db: prisma,
      actorId: user.id,
      input: ZCreateTaskInput.parse({
        summary: "Write report",
        minutes: 60,
        startTime: new Date("2026-12-07T12:00:00Z"),
      }),
      clock,
      events,
    });
    // As the write-back leaves it: the event in Google and the row that remembers it.
    const written = fake.addEvent(email, {
      summary: "Write report",
      start: at("13:00"),
      end: at("14:00"),
      extendedProperties: { private: { agendacraftTaskId: task.id } },
    });
    await prisma.taskCalendarEvent.create({
      data: {
        userId: user.id,
        calendarId,
        taskId: task.id,
        externalEventId: written.id,
        start: new Date("2026-12-07T12:00:00Z"),
        end: new Date("2026-12-07T13:00:00Z"),
        summary: "Write report",
        taskVersion: task.version,
        googleUpdated: new Date(written.updated),
      },
    });
    const jobs = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await jobs.start();
    const sync = () =>
      syncConnection({
        db: prisma,
        google: googleConfigForFake(fake),
        secrets,
        clock,
        events,
        onOwnEvents: ownEventsHandler({ db: prisma, jobs, events, clock }),
        connectionId,
      });
    try {
      await expect(sync()).resolves.toEqual({ status: "ok", changed: 0 });
      // The person drags it to 15:00 in Google Calendar.
      fake.updateEvent(email, written.id, { start: at("15:00"), end: at("16:00") });
      await expect(sync()).resolves.toEqual({ status: "ok", changed: 1 });
    } finally {
      await jobs.stop();
    }
    expect(await prisma.task.findUniqueOrThrow({ where: { id: task.id }, select: { startTime: true } })).toEqual({
      startTime: new Date("2026-12-07T14:00:00Z"),
    });
    // Never busy time: the task itself is what occupies 15:00.
    expect(await prisma.calendarEvent.count({ where: { calendarId } })).toBe(0);
  });

  it("a plan goes around a meeting synced from Google", async () => {
    const { prisma, user, email, sync } = await connected();
    const events = createRecordingEvents();
    const actor = { db: prisma, actorId: user.id };
    // Mondays 09:00-12:00 Berlin; a meeting 10:00-11:00.
    await createPlanner({
      ...actor,
      input: ZCreatePlannerInput.parse({
        name: "Morning",
        recurrence: "FREQ=WEEKLY;BYDAY=MO",
        startDate: "2026-12-07",
        startTime: "09:00",
        minutes: 180,
      }),
      events,
    });
    fake.addEvent(email, { summary: "Meeting", start: at("10:00"), end: at("11:00") });
    await sync();
    const task = await createTask({
      ...actor,
      input: ZCreateTaskInput.parse({ summary: "Report", minutes: 90 }),
      clock,
      events,
    });
    // 90 minutes fit neither 09:00-10:00 nor 11:00-12:00: next Monday.
    expect((await previewPlan({ ...actor, input: ZPlanInput.parse(undefined), clock })).changes).toEqual([
      expect.objectContaining({
        taskId: task.id,
        newStart: new Date("2026-12-14T08:00:00Z"),
        newEnd: new Date("2026-12-14T09:30:00Z"),
      }),
    ]);
  });
});
