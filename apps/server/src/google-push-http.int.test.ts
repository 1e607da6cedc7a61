import { randomUUID } from "node:crypto";
import { type AgendaCraftClient, createAgendaCraftClient } from "@agendacraft/client";
import type { JobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { GOOGLE_NOTIFICATIONS_PATH, GOOGLE_SYNC_JOB, type GoogleConfig } from "@agendacraft/domain/calendars";
import { systemClock, testSecretKeyring } from "@agendacraft/domain/shared";
import { approveConsent, type FakeGoogle, startFakeGoogle, type WatchChannel } from "@agendacraft/fake-google";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobDefinitions } from "./jobs/job-definitions.ts";
import { startJobQueue } from "./jobs/start-job-queue.ts";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

const SECOND = 1000;
/** Jobs are polled every 0.5 s; a wait leaves room for a busy machine. */
const WAIT = { timeout: 25 * SECOND, interval: 200 };

// Push end to end with real parts: the HTTP server with its notifications route, the job
// queue working the sync jobs, and the fake Google opening channels and POSTing
// notifications to the route like Google does. The https rule (env.ts) is tested in
// env.test.ts; here the sync is given the test server's plain-http route as push address.
describe("Google push notifications over HTTP", () => {
  const database = useTestDatabase();
  let fake: FakeGoogle;
  let queue: JobQueue;
  let server: TestServer;
  // The route's address is known once the server listens; the jobs read it when they run.
  const google: GoogleConfig = { clientId: "", clientSecret: "", syncIntervalSeconds: 300 };

  beforeAll(async () => {
    fake = await startFakeGoogle({ clientId: "agendacraft-push-test", clientSecret: "fake-secret" });
    Object.assign(google, { clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url });
    const log = pino({ level: "silent" });
    queue = await startJobQueue({
      db: database(),
      log,
      definitions: (jobs) =>
        createJobDefinitions({
          db: database().prisma,
          log,
          clock: systemClock,
          secrets: testSecretKeyring(),
          jobs,
          google,
        }),
      work: true,
      stopTimeoutMs: 2 * SECOND,
      workOptions: { pollingIntervalSeconds: 0.5 },
    });
    server = await startTestServer({
      db: database().prisma,
      clock: systemClock,
      jobs: queue,
      env: {
        GOOGLE_CLIENT_ID: fake.clientId,
        GOOGLE_CLIENT_SECRET: fake.clientSecret,
        GOOGLE_BASE_URL: fake.url,
        // The key testSecretKeyring() holds: the worker opens the tokens the connect stored.
        SECRETS_KEY: Buffer.alloc(32, 1).toString("base64"),
      },
    });
    google.pushAddress = `${server.url}${GOOGLE_NOTIFICATIONS_PATH}`;
  });
  afterAll(async () => {
    await fake?.settleNotifications();
    await server?.close();
    await queue?.stop();
    await fake?.close();
  });

  /** Signs up, connects a Google account through the consent page, and waits for its channel. */
  async function connectedWithChannel(): Promise<{
    client: AgendaCraftClient;
    email: string;
    channel: WatchChannel;
    connectionId: string;
  }> {
    const signedUp = await postJson(`${server.url}/api/auth/sign-up/email`, {
      name: "Pia",
      email: `pia-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const cookie = cookieFrom(signedUp.headers);
    const headers = { cookie, origin: APP_ORIGIN };
    const email = `pia-${randomUUID()}@gmail.com`;
    fake.addAccount({ email, name: "Pia Example" });
    const connectUrl = await callProcedure(server.url, "calendars.google.connectUrl", {
      method: "POST",
      input: {},
      headers,
    });
    const callback = new URL(await approveConsent((connectUrl.data as { url: string }).url, { email }));
    const back = await fetch(`${server.url}${callback.pathname}${callback.search}`, {
      redirect: "manual",
      headers: { cookie },
    });
    await back.body?.cancel();
    expect(back.headers.get("location")).toContain("google=connected");

    // The connect's first sync runs as a job and opens the channel; Google's `sync` message is answered 200.
    await expect.poll(() => fake.watchChannels(email).filter((open) => !open.stopped).length, WAIT).toBe(1);
    const channel = fake.watchChannels(email).find((open) => !open.stopped);
    if (!channel) throw new Error("no channel was opened");
    expect(channel.address).toBe(google.pushAddress);
    await expect.poll(() => fake.notifications.find((sent) => sent.channelId === channel.id)?.status, WAIT).toBe(200);
    const client = createAgendaCraftClient({ url: `${server.url}/trpc`, headers });
    const [connection] = await client.calendars.list.query();
    return { client, email, channel, connectionId: connection?.id ?? "" };
  }

  /** Sync jobs ever sent for the connection (pg-boss keeps finished ones for a while). */
  const syncJobCount = async (connectionId: string) => {
    const result = await database().pool.query<{ n: number }>(
      "select count(*)::int as n from pgboss.job where name = $1 and data->>'connectionId' = $2",
      [GOOGLE_SYNC_JOB, connectionId],
    );
    return result.rows[0]?.n ?? 0;
  };

  const notify = (channel: WatchChannel, headers: Record<string, string>) =>
    fetch(`${server.url}${GOOGLE_NOTIFICATIONS_PATH}`, {
      method: "POST",
      headers: {
        "x-goog-channel-id": channel.id,
        "x-goog-channel-token": channel.token ?? "",
        "x-goog-resource-id": channel.resourceId,
        "x-goog-resource-state": "exists",
        "x-goog-message-number": "7",
        ...headers,
      },
    });

  it("a change in Google reaches busy time through the notification, without asking for a sync", {
    timeout: 90_000,
  }, async () => {
    const { client, email } = await connectedWithChannel();
    const start = new Date(Date.now() + 2 * 3600 * SECOND);
    start.setUTCMinutes(0, 0, 0);
    const end = new Date(start.getTime() + 3600 * SECOND);
    const range = { from: new Date(start.getTime() - 86_400 * SECOND), to: new Date(end.getTime() + 86_400 * SECOND) };
    expect(await client.calendars.busy.query(range)).toEqual([]);

    fake.addEvent(email, {
      summary: "Dentist",
      start: { dateTime: start.toISOString() },
      end: { dateTime: end.toISOString() },
    });
    await expect
      .poll(async () => (await client.calendars.busy.query(range)).map((event) => event.summary), WAIT)
      .toEqual(["Dentist"]);
    expect(fake.notifications.filter((sent) => sent.resourceState === "exists").map((sent) => sent.status)).toContain(
      200,
    );
  });

  it("a forged token is refused (401) and queues no sync; an unknown channel is 404; a burst gives one sync; the token is never logged", {
    timeout: 90_000,
  }, async () => {
    const { channel, connectionId } = await connectedWithChannel();
    const before = await syncJobCount(connectionId);
    const forged = await notify(channel, { "x-goog-channel-token": "forged-token-value" });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: "common.unauthorized" });
    const wrongResource = await notify(channel, { "x-goog-resource-id": "res-someone-else" });
    expect(wrongResource.status).toBe(401);
    const unknown = await notify(channel, { "x-goog-channel-id": randomUUID() });
    expect(unknown.status).toBe(404);
    const opened = await notify(channel, { "x-goog-resource-state": "sync" });
    expect(opened.status).toBe(200);
    // Each answer comes after any job was sent, so the count is final here.
    expect(await syncJobCount(connectionId)).toBe(before);

    // A burst of genuine ones: one sync waits per connection (at most one more if one started meanwhile).
    const burst = await Promise.all(Array.from({ length: 5 }, () => notify(channel, {})));
    expect(burst.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const queued = (await syncJobCount(connectionId)) - before;
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(queued).toBeLessThanOrEqual(2);
    expect(server.logText()).not.toContain(channel.token);
    expect(server.logText()).not.toContain("forged-token-value");
  });
});
