import { createJobQueue, type JobQueue, type QueueOptions, registerJobs } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { testSecretKeyring } from "../../shared/secrets/test-secret-keyring.ts";
import { createGoogleSyncJob, sendDueGoogleSyncs } from "./google-sync-job.ts";
import { GOOGLE_SYNC_JOB, GOOGLE_SYNC_QUEUE_OPTIONS, GoogleSyncJob } from "./google-sync-job-type.ts";
import { syncNow } from "./sync-now.ts";
import { googleConfigForFake, seedGoogleConnection } from "./testing/seed-google-connection.ts";

const clock = fixedClock("2026-12-07T06:00:00Z");
const secrets = testSecretKeyring();
const WAIT = { timeout: 60_000, interval: 200 };
/** The server's retries (backoff with jitter, Retry-After honoured), one second apart instead of thirty. */
const FAST_RETRIES: QueueOptions = { ...GOOGLE_SYNC_QUEUE_OPTIONS, retryDelay: 1 };

describe("the Google sync jobs", () => {
  const database = useTestDatabase();
  let fake: FakeGoogle;

  beforeAll(async () => {
    fake = await startFakeGoogle({ clientId: "test-client", clientSecret: "test-secret" });
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function connected() {
    const { prisma } = database();
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const email = `${user.id}@example.com`;
    const seeded = await seedGoogleConnection({ prisma, fake, secrets, clock, userId: user.id, email });
    const listRequests = () =>
      fake.requests.filter((request) => request.path === `/calendar/v3/calendars/${encodeURIComponent(email)}/events`);
    const connection = () =>
      prisma.calendarConnection.findUniqueOrThrow({
        where: { id: seeded.connectionId },
        select: { status: true, lastSyncedAt: true, lastError: true },
      });
    return { prisma, user, email, ...seeded, listRequests, connection };
  }

  describe("the job on a running queue", () => {
    let queue: JobQueue;
    beforeAll(async () => {
      const { prisma, pool } = database();
      queue = createJobQueue({ pool, stopTimeoutMs: 2_000 });
      await queue.start();
      const job = createGoogleSyncJob({
        db: prisma,
        google: googleConfigForFake(fake),
        secrets,
        clock,
        events: createRecordingEvents(),
        jobs: queue,
        queueOptions: FAST_RETRIES,
      });
      await registerJobs(queue, [job], { work: true, workOptions: { pollingIntervalSeconds: 0.5 } });
    });
    afterAll(async () => {
      await queue?.stop();
    });

    it("finishes after quota answers (429, 403 userRateLimitExceeded) with a bounded number of requests", async () => {
      const { email, connectionId, listRequests, connection, prisma, calendarId } = await connected();
      fake.addEvent(email, {
        summary: "Standup",
        start: { dateTime: "2026-12-07T09:00:00+01:00" },
        end: { dateTime: "2026-12-07T09:30:00+01:00" },
      });
      fake.failNext({ path: `/calendars/${encodeURIComponent(email)}/events`, status: 429, retryAfterSeconds: 1 });
      fake.failNext({
        path: `/calendars/${encodeURIComponent(email)}/events`,
        status: 403,
        reason: "userRateLimitExceeded",
      });

      await queue.send(GoogleSyncJob, { connectionId }, { singletonKey: connectionId });
      // A new connection is `ok` before its first sync: wait for the sync's mark.
      await expect.poll(async () => (await connection()).lastSyncedAt, WAIT).toEqual(clock.now());

      // Two refused, one served: the retries waited instead of hammering Google.
      expect(listRequests().map((request) => request.status)).toEqual([429, 403, 200]);
      expect(await connection()).toEqual({ status: "ok", lastSyncedAt: clock.now(), lastError: null });
      expect(await prisma.calendarEvent.count({ where: { calendarId } })).toBe(1);
    });

    it("does not retry before Google's Retry-After", async () => {
      const { email, connectionId, listRequests, connection, prisma } = await connected();
      fake.failNext({ path: `/calendars/${encodeURIComponent(email)}/events`, status: 429, retryAfterSeconds: 120 });

      const id = await queue.send(GoogleSyncJob, { connectionId }, { singletonKey: connectionId });
      await expect.poll(async () => (await connection()).status, WAIT).toBe("error");
      await expect
        .poll(async () => {
          const rows = await prisma.$queryRaw<{ state: string; wait: number }[]>`
            SELECT state::text AS state, EXTRACT(epoch FROM start_after - now())::float AS wait
              FROM pgboss.job WHERE name = ${GOOGLE_SYNC_JOB} AND id = ${id}::uuid`;
          return rows[0];
        }, WAIT)
        .toEqual({ state: "retry", wait: expect.toSatisfy((wait: number) => wait > 100) });
      expect(listRequests()).toHaveLength(1);
      expect(await connection()).toMatchObject({ lastError: expect.stringContaining("slow down") });
    });
  });

  describe("the schedule", () => {
    // Sends only: no worker takes the jobs, so what was sent stays in pgboss.job to be read.
    let sendOnly: JobQueue;
    beforeAll(async () => {
      sendOnly = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
      await sendOnly.start();
      await sendOnly.defineQueue(GOOGLE_SYNC_JOB, FAST_RETRIES);
    });
    afterAll(async () => {
      await sendOnly?.stop();
    });

    it("sends a sync for each connection that is due and not waiting to be reconnected, one waiting per connection", async () => {
      const { prisma } = database();
      await prisma.calendarConnection.deleteMany();
      const never = await connected();
      const recent = await connected();
      const stale = await connected();
      const refused = await connected();
      const minutesAgo = (minutes: number) => new Date(clock.now().getTime() - minutes * 60_000);
      await prisma.calendarConnection.update({
        where: { id: recent.connectionId },
        data: { lastSyncedAt: minutesAgo(1) },
      });
      await prisma.calendarConnection.update({
        where: { id: stale.connectionId },
        data: { lastSyncedAt: minutesAgo(10) },
      });
      await prisma.calendarConnection.update({
        where: { id: refused.connectionId },
        data: { status: "needs_reconnect" },
      });
      const jobsOf = async (connectionId: string) => {
        const rows = await prisma.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM pgboss.job
           WHERE name = ${GOOGLE_SYNC_JOB} AND singleton_key = ${connectionId}`;
        return rows[0]?.count ?? 0;
      };

      const sent = await sendDueGoogleSyncs({ db: prisma, jobs: sendOnly, clock, intervalSeconds: 300 });
      const again = await sendDueGoogleSyncs({ db: prisma, jobs: sendOnly, clock, intervalSeconds: 300 });

      expect([sent, again]).toEqual([2, 0]);
      expect(await jobsOf(never.connectionId)).toBe(1);
      expect(await jobsOf(stale.connectionId)).toBe(1);
      expect(await jobsOf(recent.connectionId)).toBe(0);
      expect(await jobsOf(refused.connectionId)).toBe(0);
    });

    it("Sync now past its deadline answers syncing and leaves the rest to a job", async () => {
      const { prisma, user, email, connectionId, connection } = await connected();
      fake.addEvent(email, {
        summary: "Standup",
        start: { dateTime: "2026-12-07T09:00:00+01:00" },
        end: { dateTime: "2026-12-07T09:30:00+01:00" },
      });
      await expect(
        syncNow({
          db: prisma,
          google: googleConfigForFake(fake),
          secrets,
          clock,
          events: createRecordingEvents(),
          jobs: sendOnly,
          actorId: user.id,
          input: { connectionId },
          // Over before Google is asked.
          deadlineMs: 1,
        }),
      ).resolves.toEqual({ status: "syncing", changed: 0 });
      expect(await connection()).toMatchObject({ status: "syncing", lastSyncedAt: null });
      const rows = await prisma.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM pgboss.job WHERE name = ${GOOGLE_SYNC_JOB} AND singleton_key = ${connectionId}`;
      expect(rows[0]?.count).toBe(1);
    });
  });
});
