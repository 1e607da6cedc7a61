import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { testSecretKeyring } from "../../shared/secrets/test-secret-keyring.ts";
import { hashChannelToken } from "./channel-token.ts";
import { disconnectConnection } from "./disconnect-connection.ts";
import type { GoogleConfig } from "./google-config.ts";
import { sendDueGoogleSyncs } from "./google-sync-job.ts";
import { GOOGLE_SYNC_JOB } from "./google-sync-job-type.ts";
import { CHANNEL_RENEWAL_MARGIN_MS } from "./push-channel-rules.ts";
import { receiveGoogleNotification } from "./receive-google-notification.ts";
import { syncConnection } from "./sync-connection.ts";
import { googleConfigForFake, seedGoogleConnection } from "./testing/seed-google-connection.ts";
import { updateConnectedCalendar } from "./update-connected-calendar.ts";

const secrets = testSecretKeyring();
const HOUR = 3600_000;

// Push channels (events.watch) kept by the sync. The https rule lives in the server's env.ts:
// here the fake Google delivers to a plain-http receiver named as the push address.
describe("Google push channels", () => {
  const database = useTestDatabase();
  let fake: FakeGoogle;
  let receiver: Server;
  const received: IncomingHttpHeaders[] = [];
  let google: GoogleConfig;

  beforeAll(async () => {
    fake = await startFakeGoogle({ clientId: "push-client", clientSecret: "push-secret" });
    receiver = createServer((request, response) => {
      received.push(request.headers);
      response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    google = { ...googleConfigForFake(fake), pushAddress: `http://127.0.0.1:${port}/notifications` };
  });
  afterAll(async () => {
    await fake?.settleNotifications();
    await fake?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  async function connected() {
    const { prisma } = database();
    // The fake dates channels by the real clock, so the sync's clock starts there too.
    const clock = fixedClock(new Date());
    const user = await createUser(prisma, { timeZone: "Europe/Berlin" });
    const email = `${user.id}@example.com`;
    const seeded = await seedGoogleConnection({ prisma, fake, secrets, clock, userId: user.id, email });
    const events = createRecordingEvents();
    const sync = (config: GoogleConfig = google) =>
      syncConnection({ db: prisma, google: config, secrets, clock, events, connectionId: seeded.connectionId });
    const stored = () =>
      prisma.connectedCalendar.findUniqueOrThrow({
        where: { id: seeded.calendarId },
        select: { channelId: true, channelResourceId: true, channelToken: true, channelExpiresAt: true },
      });
    const openAtGoogle = () => fake.watchChannels(email).filter((channel) => !channel.stopped);
    return { prisma, clock, user, email, events, sync, stored, openAtGoogle, ...seeded };
  }

  it("opens a channel after the first sync, storing only the token's hash, and keeps it on later syncs", async () => {
    const { sync, stored, openAtGoogle, clock } = await connected();
    await expect(sync()).resolves.toMatchObject({ status: "ok" });
    const [channel] = openAtGoogle();
    expect(openAtGoogle()).toHaveLength(1);
    expect(channel?.address).toBe(google.pushAddress);
    expect(channel?.token).toEqual(expect.any(String));
    expect(await stored()).toEqual({
      channelId: channel?.id,
      channelResourceId: channel?.resourceId,
      channelToken: hashChannelToken(channel?.token ?? ""),
      channelExpiresAt: new Date(channel?.expiration ?? 0),
    });
    expect((await stored()).channelExpiresAt?.getTime()).toBeGreaterThan(clock.now().getTime() + 6 * 24 * HOUR);

    await expect(sync()).resolves.toMatchObject({ status: "ok" });
    expect(openAtGoogle().map((open) => open.id)).toEqual([channel?.id]);
  });

  it("opens no channel without a push address", async () => {
    const { sync, stored, openAtGoogle } = await connected();
    await expect(sync(googleConfigForFake(fake))).resolves.toMatchObject({ status: "ok" });
    expect(openAtGoogle()).toEqual([]);
    expect((await stored()).channelId).toBeNull();
  });

  it("renews a channel close to expiry: the schedule makes the connection due, the sync opens a new one, then stops the old", async () => {
    const { prisma, sync, stored, openAtGoogle, clock, connectionId } = await connected();
    await sync();
    const first = await stored();
    const jobs = createRecordingJobs();
    // An interval longer than the test's jump in time: only the channel can make the connection due.
    const intervalSeconds = 30 * 24 * 3600;
    // Other tests' connections share the database: only this one's jobs are looked at.
    const sentHere = () =>
      jobs.sent.filter((job) => (job.data as { connectionId: string }).connectionId === connectionId).length;
    const due = () => sendDueGoogleSyncs({ db: prisma, jobs, clock, intervalSeconds, renewChannels: true });
    await due();
    expect(sentHere()).toBe(0);

    clock.set(new Date((first.channelExpiresAt?.getTime() ?? 0) - CHANNEL_RENEWAL_MARGIN_MS - HOUR));
    await due();
    expect(sentHere()).toBe(0);
    clock.set(new Date((first.channelExpiresAt?.getTime() ?? 0) - CHANNEL_RENEWAL_MARGIN_MS / 2));
    await sendDueGoogleSyncs({ db: prisma, jobs, clock, intervalSeconds });
    expect(sentHere()).toBe(0);
    await due();
    expect(sentHere()).toBe(1);
    expect(jobs.sent.at(-1)).toMatchObject({
      name: GOOGLE_SYNC_JOB,
      data: { connectionId },
      options: { singletonKey: connectionId },
    });

    fake.clearRequests();
    await expect(sync()).resolves.toMatchObject({ status: "ok" });
    // The new channel first, so no change goes unnoticed in between; then the old one stopped.
    expect(
      fake.requests.map((request) => request.path).filter((path) => /\/watch$|\/channels\/stop$/.test(path)),
    ).toEqual([expect.stringMatching(/\/events\/watch$/), "/calendar/v3/channels/stop"]);
    const renewed = await stored();
    expect(renewed.channelId).not.toBe(first.channelId);
    expect(openAtGoogle().map((channel) => channel.id)).toEqual([renewed.channelId]);
    expect(fake.watchChannels().find((channel) => channel.id === first.channelId)?.stopped).toBe(true);
  });

  it("stops the channel of a calendar that no longer counts as busy", async () => {
    const { prisma, user, sync, stored, openAtGoogle, events, calendarId, connectionId } = await connected();
    await sync();
    expect(openAtGoogle()).toHaveLength(1);
    const jobs = createRecordingJobs();
    await updateConnectedCalendar({
      db: prisma,
      actorId: user.id,
      input: { id: calendarId, busy: false },
      events,
      jobs,
    });
    // The sync that stops it is queued at once.
    expect(jobs.sent.map((job) => [job.name, job.data])).toEqual([[GOOGLE_SYNC_JOB, { connectionId }]]);
    await expect(sync()).resolves.toMatchObject({ status: "ok" });
    expect(openAtGoogle()).toEqual([]);
    expect(await stored()).toEqual({
      channelId: null,
      channelResourceId: null,
      channelToken: null,
      channelExpiresAt: null,
    });
  });

  it("stops the channels on disconnect", async () => {
    const { prisma, clock, user, events, sync, openAtGoogle, connectionId } = await connected();
    await sync();
    expect(openAtGoogle()).toHaveLength(1);
    await disconnectConnection({
      db: prisma,
      google,
      secrets,
      clock,
      events,
      actorId: user.id,
      input: { connectionId, removeWrittenEvents: false },
    });
    expect(openAtGoogle()).toEqual([]);
  });

  it("forgets the channels when the connection needs reconnecting (Google takes no stop without a grant)", async () => {
    const { sync, stored, email } = await connected();
    await sync();
    expect((await stored()).channelId).not.toBeNull();
    fake.injectInvalidGrant(email);
    await expect(sync()).resolves.toMatchObject({ status: "needs_reconnect" });
    expect((await stored()).channelId).toBeNull();
  });

  it("a verified notification queues the connection's sync; a forged or unknown one queues nothing", async () => {
    const { prisma, sync, openAtGoogle, connectionId } = await connected();
    await sync();
    const [channel] = openAtGoogle();
    if (!channel?.token) throw new Error("no channel was opened");
    const jobs = createRecordingJobs();
    const receive = (headers: Partial<Record<"channelId" | "channelToken" | "resourceId" | "resourceState", string>>) =>
      receiveGoogleNotification({
        db: prisma,
        jobs,
        notification: {
          channelId: channel.id,
          channelToken: channel.token,
          resourceId: channel.resourceId,
          resourceState: "exists",
          ...headers,
        },
      });

    await expect(receive({ channelToken: `${channel.token.slice(0, -1)}x` })).resolves.toBe("refused");
    await expect(receive({ channelToken: undefined })).resolves.toBe("refused");
    await expect(receive({ resourceId: "res-other" })).resolves.toBe("refused");
    await expect(receive({ channelId: "made-up" })).resolves.toBe("unknown");
    await expect(receive({ channelId: undefined })).resolves.toBe("unknown");
    await expect(receive({ resourceState: "sync" })).resolves.toBe("opened");
    expect(jobs.sent).toEqual([]);

    await expect(receive({})).resolves.toBe("queued");
    expect(jobs.sent).toEqual([
      expect.objectContaining({
        name: GOOGLE_SYNC_JOB,
        data: { connectionId },
        options: { singletonKey: connectionId },
      }),
    ]);
  });
});
