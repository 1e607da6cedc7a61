import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { approveConsent, type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendarAlertsSubscriber } from "../../notifier/index.ts";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { DomainError } from "../../shared/errors.ts";
import { createEventOutbox } from "../../shared/events/create-event-outbox.ts";
import { dispatchEvents } from "../../shared/events/dispatch-events.ts";
import { newId } from "../../shared/ids.ts";
import { createSecretKeyring, SECRET_KEY_BYTES } from "../../shared/secrets/secret-keyring.ts";
import { testSecretKeyring } from "../../shared/secrets/test-secret-keyring.ts";
import { completeGoogleConnect } from "./complete-google-connect.ts";
import { openAccessToken, openRefreshToken, sealRefreshToken } from "./connection-tokens.ts";
import { createConnectUrl } from "./create-connect-url.ts";
import { createWriteCalendar } from "./create-write-calendar.ts";
import { disconnectConnection } from "./disconnect-connection.ts";
import { getAccessToken } from "./get-access-token.ts";
import { GOOGLE_CALENDAR_SCOPES } from "./google-config.ts";
import { listConnections } from "./list-connections.ts";
import { connectGoogleAccount, connectionIdOf, googleConfigFor } from "./testing/connect-google-account.ts";
import { updateConnectedCalendar } from "./update-connected-calendar.ts";

const HOUR = 3_600_000;
const secrets = testSecretKeyring();
const otherKeys = createSecretKeyring({ current: Buffer.alloc(SECRET_KEY_BYTES, 0x7) });
const [LIST_SCOPE, EVENTS_SCOPE, APP_CREATED_SCOPE] = GOOGLE_CALENDAR_SCOPES;

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe("Google connections against the fake Google", () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-06-01T09:00:00Z");
  const jobs = createRecordingJobs();
  const events = createEventOutbox({ jobs, clock });
  let fake: FakeGoogle;

  beforeAll(async () => {
    fake = await startFakeGoogle({ clientId: "agendacraft-test", clientSecret: "fake-secret" });
  });
  afterAll(async () => {
    await fake?.close();
  });

  const deps = () => ({ db: database().prisma, google: googleConfigFor(fake), secrets, jobs, events, clock });

  /** A person, and a fresh Google account of theirs with a second calendar besides the primary one. */
  async function personWithAccount() {
    const user = await createUser(database().prisma, { timeZone: "Europe/Berlin" });
    const email = `person-${newId()}@gmail.com`;
    fake.addAccount({ email, name: "Mia Example" });
    fake.addCalendar(email, { summary: "Team" });
    return { userId: user.id, email };
  }

  async function connect(userId: string, email: string, options: { grant?: string[]; returnTo?: string } = {}) {
    return connectGoogleAccount({ ...deps(), actorId: userId, fake, email, ...options });
  }

  it("connecting stores the account, its calendars (primary busy), sealed tokens, and queues the first sync", async () => {
    const { userId, email } = await personWithAccount();
    const result = await connect(userId, email, { returnTo: "/settings/connections" });
    const connectionId = connectionIdOf(result);
    expect(result.redirectTo).toBe(`/settings/connections?google=connected&connection=${connectionId}`);

    const [connection] = await listConnections({ db: database().prisma, actorId: userId });
    // Only openid and email are asked for: the account is named by its address.
    expect(connection).toMatchObject({ id: connectionId, kind: "google", email, name: email, status: "ok" });
    expect(connection?.calendars.map((c) => [c.externalId, c.name, c.busy, c.writeTarget])).toEqual([
      [email, email, true, false],
      [expect.any(String), "Team", false, false],
    ]);

    const row = await database().prisma.calendarConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.scope.split(" ")).toEqual(expect.arrayContaining([...GOOGLE_CALENDAR_SCOPES]));
    // Sealed at rest, and what they open to works at Google.
    expect(row.accessToken).toMatch(/^v1\./);
    expect(row.refreshToken).toMatch(/^v1\./);
    const accessToken = openAccessToken(secrets, row.accessToken ?? "");
    const userinfo = await fetch(`${fake.url}/v1/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(await userinfo.json()).toMatchObject({ email });
    expect(openRefreshToken(secrets, row.refreshToken ?? "")).not.toBe("");

    expect(jobs.sent.filter((job) => job.name === "calendars.google.sync").map((job) => job.data)).toContainEqual({
      connectionId,
    });
  });

  it("connecting the same account again reuses its connection, back to ok, keeping the person's choices", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    const prisma = database().prisma;
    const team = await prisma.connectedCalendar.findFirstOrThrow({ where: { connectionId, primary: false } });
    await updateConnectedCalendar({ db: prisma, actorId: userId, input: { id: team.id, busy: true }, events, jobs });
    await prisma.calendarConnection.update({ where: { id: connectionId }, data: { status: "needs_reconnect" } });
    fake.addCalendar(email, { summary: "Gym" });
    // A calendar the person has since removed in Google.
    await prisma.connectedCalendar.create({
      data: { userId, connectionId, externalId: "gone@group.calendar.google.com", name: "Old", busy: true },
    });

    const again = await connect(userId, email);
    expect(connectionIdOf(again)).toBe(connectionId);
    const connections = await listConnections({ db: prisma, actorId: userId });
    expect(connections).toHaveLength(1);
    expect(connections[0]?.status).toBe("ok");
    expect(connections[0]?.calendars.map((c) => [c.name, c.busy])).toEqual([
      [email, true],
      ["Gym", false],
      ["Team", true],
    ]);
  });

  it("switching busy time on or off records calendars.busy_changed (re-plans follow) and a new busy calendar is synced", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    const prisma = database().prisma;
    const team = await prisma.connectedCalendar.findFirstOrThrow({ where: { connectionId, primary: false } });
    const busyEvents = () =>
      prisma.domainEvent.findMany({
        where: { userId, type: "calendars.busy_changed" },
        orderBy: { seq: "asc" },
        select: { aggregateId: true, payload: true },
      });
    const syncsQueued = () => jobs.sent.filter((job) => job.name === "calendars.google.sync").length;

    const syncsBefore = syncsQueued();
    await updateConnectedCalendar({ db: prisma, actorId: userId, input: { id: team.id, busy: true }, events, jobs });
    expect(syncsQueued()).toBe(syncsBefore + 1);
    // Choosing the write target only: busy time is the same, nothing recorded or synced.
    await updateConnectedCalendar({
      db: prisma,
      actorId: userId,
      input: { id: team.id, writeTarget: true },
      events,
      jobs,
    });
    await updateConnectedCalendar({ db: prisma, actorId: userId, input: { id: team.id, busy: false }, events, jobs });
    expect(await busyEvents()).toEqual([
      { aggregateId: team.id, payload: { change: "added" } },
      { aggregateId: team.id, payload: { change: "removed" } },
    ]);
    expect(syncsQueued()).toBe(syncsBefore + 1);
  });

  it("two write targets chosen at the same moment both succeed, and one stays the only target", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    const prisma = database().prisma;
    const calendars = await prisma.connectedCalendar.findMany({ where: { connectionId }, select: { id: true } });
    const chosen = await Promise.all(
      calendars.map((calendar) =>
        updateConnectedCalendar({
          db: prisma,
          actorId: userId,
          input: { id: calendar.id, writeTarget: true },
          events,
          jobs,
        }),
      ),
    );
    expect(chosen.map((calendar) => calendar.writeTarget)).toEqual([true, true]);
    expect(await prisma.connectedCalendar.count({ where: { userId, writeTarget: true } })).toBe(1);
  });

  it("a calendar shared read-only is stored as such and refused as the write target with calendars.google_calendar_read_only", async () => {
    const { userId, email } = await personWithAccount();
    fake.addCalendar(email, { summary: "Holidays", accessRole: "reader" });
    const connectionId = connectionIdOf(await connect(userId, email));
    const prisma = database().prisma;
    const [connection] = await listConnections({ db: prisma, actorId: userId });
    expect(connection?.calendars.map((c) => [c.name, c.readOnly])).toEqual([
      [email, false],
      ["Holidays", true],
      ["Team", false],
    ]);
    const holidays = await prisma.connectedCalendar.findFirstOrThrow({ where: { connectionId, name: "Holidays" } });
    expect(holidays.accessRole).toBe("reader");

    const choice = updateConnectedCalendar({
      db: prisma,
      actorId: userId,
      input: { id: holidays.id, writeTarget: true },
      events,
      jobs,
    });
    await expect(choice).rejects.toMatchObject({
      kind: "INVALID",
      code: "calendars.google_calendar_read_only",
      message: expect.stringContaining('"Holidays" is read-only'),
    });
    expect(await prisma.connectedCalendar.count({ where: { userId, writeTarget: true } })).toBe(0);
    // Its busy time can still be used.
    const busy = await updateConnectedCalendar({
      db: prisma,
      actorId: userId,
      input: { id: holidays.id, busy: true },
      events,
      jobs,
    });
    expect(busy).toMatchObject({ busy: true, writeTarget: false, readOnly: true });
  });

  it("reads every page of a long calendar list", async () => {
    const { userId, email } = await personWithAccount();
    // Google's pages hold at most 250.
    for (let index = 0; index < 260; index++) fake.addCalendar(email, { summary: `Shared ${index}` });
    const connectionId = connectionIdOf(await connect(userId, email));
    const calendars = await database().prisma.connectedCalendar.findMany({ where: { connectionId } });
    expect(calendars).toHaveLength(262);
    expect(calendars.filter((calendar) => calendar.busy).map((calendar) => calendar.externalId)).toEqual([email]);
  });

  it("a withheld calendar scope makes no connection and says which permission is missing", async () => {
    const { userId, email } = await personWithAccount();
    const result = await connect(userId, email, {
      grant: ["openid", "email", LIST_SCOPE ?? "", APP_CREATED_SCOPE ?? ""],
    });
    expect(result.outcome).toBe("missing_scope");
    expect(result.redirectTo).toBe("/settings?google=missing_scope&missing=calendar.events");
    expect(await listConnections({ db: database().prisma, actorId: userId })).toEqual([]);
  });

  it("a withheld scope on reconnecting leaves the existing connection as it was", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    const prisma = database().prisma;
    // Access removed in Google: the earlier grant's scopes no longer come along (include_granted_scopes).
    fake.injectInvalidGrant(email);
    await prisma.calendarConnection.update({ where: { id: connectionId }, data: { status: "needs_reconnect" } });
    const result = await connect(userId, email, { grant: ["openid", "email", EVENTS_SCOPE ?? ""] });
    expect(result.outcome).toBe("missing_scope");
    expect(new URL(result.redirectTo, "http://x").searchParams.get("missing")).toBe(
      "calendar.calendarlist.readonly,calendar.app.created",
    );
    const row = await prisma.calendarConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.status).toBe("needs_reconnect");
  });

  it("denied, expired, replayed and another person's callbacks connect nothing", async () => {
    const { userId, email } = await personWithAccount();
    const prisma = database().prisma;

    const denied = await completeGoogleConnect({
      ...deps(),
      actorId: userId,
      query: { state: await stateOf(userId, "/settings/connections"), error: "access_denied" },
    });
    expect(denied.redirectTo).toBe("/settings/connections?google=denied");
    // A returnTo that resolves to "//evil.example" never leaves the app.
    const sneaky = await completeGoogleConnect({
      ...deps(),
      actorId: userId,
      query: { state: await stateOf(userId, "/a/..//evil.example/x"), error: "access_denied" },
    });
    expect(sneaky.redirectTo).toBe("/settings?google=denied");

    // The consent page answered after the state's 10 minutes.
    const late = await createConnectUrl({ ...deps(), actorId: userId, input: undefined });
    const lateQuery = Object.fromEntries(new URL(await approve(late.url, email)).searchParams);
    clock.advance(11 * 60_000);
    expect((await completeGoogleConnect({ ...deps(), actorId: userId, query: lateQuery })).outcome).toBe("expired");

    // Someone else's browser cannot finish it, and the state stays for its owner.
    const stranger = await createUser(prisma);
    const pending = await createConnectUrl({ ...deps(), actorId: userId, input: undefined });
    const query = Object.fromEntries(new URL(await approve(pending.url, email)).searchParams);
    expect((await completeGoogleConnect({ ...deps(), actorId: stranger.id, query })).outcome).toBe("failed");
    expect((await completeGoogleConnect({ ...deps(), actorId: null, query })).outcome).toBe("failed");
    expect((await completeGoogleConnect({ ...deps(), actorId: userId, query })).outcome).toBe("connected");
    // A state works once.
    expect((await completeGoogleConnect({ ...deps(), actorId: userId, query })).outcome).toBe("expired");
    expect(await prisma.calendarConnection.count({ where: { userId: stranger.id } })).toBe(0);
  });

  async function stateOf(userId: string, returnTo: string): Promise<string> {
    const { url } = await createConnectUrl({ ...deps(), actorId: userId, input: { returnTo } });
    return new URL(url).searchParams.get("state") ?? "";
  }

  const approve = (url: string, email: string) => approveConsent(url, { email });

  it("uses the stored access token while it lasts, and two concurrent calls with an expired one refresh once", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    const refreshesBefore = fake.tokenRefreshes(email);
    const stored = await getAccessToken({ ...deps(), connectionId });
    expect(fake.tokenRefreshes(email)).toBe(refreshesBefore);

    // Past the token's hour: both callers need a new one.
    clock.advance(2 * HOUR);
    const [first, second] = await Promise.all([
      getAccessToken({ ...deps(), connectionId }),
      getAccessToken({ ...deps(), connectionId, actorId: userId }),
    ]);
    expect(fake.tokenRefreshes(email)).toBe(refreshesBefore + 1);
    expect(first).toBe(second);
    expect(first).not.toBe(stored);
    // The new token is stored: the next call asks Google nothing.
    expect(await getAccessToken({ ...deps(), connectionId })).toBe(first);
    expect(fake.tokenRefreshes(email)).toBe(refreshesBefore + 1);
  });

  it("invalid_grant marks the connection needs_reconnect, notifies once, and stops asking Google", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    fake.injectInvalidGrant(email);
    clock.advance(2 * HOUR);

    const refused = await failure(getAccessToken({ ...deps(), connectionId }));
    expect(refused.code).toBe("calendars.needs_reconnect");
    expect(refused.message).toContain(email);
    const [connection] = await listConnections({ db: database().prisma, actorId: userId });
    expect(connection?.status).toBe("needs_reconnect");
    expect(connection?.lastError).toMatch(/Reconnect/);

    const tokenCalls = () => fake.requests.filter((request) => request.path === "/token").length;
    const callsBefore = tokenCalls();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await failure(getAccessToken({ ...deps(), connectionId }))).code).toBe("calendars.needs_reconnect");
    }
    expect(tokenCalls()).toBe(callsBefore);

    const subscribers = [createCalendarAlertsSubscriber({ clock })];
    await dispatchEvents({ db: database().prisma, userId, subscribers, clock });
    await dispatchEvents({ db: database().prisma, userId, subscribers, clock });
    const notifications = await database().prisma.notification.findMany({ where: { userId } });
    expect(notifications).toEqual([
      expect.objectContaining({ kind: "calendar_needs_reconnect", title: "Reconnect Google Calendar", readAt: null }),
    ]);
    expect(notifications[0]?.body).toContain(email);

    // Connecting again brings it back.
    expect(connectionIdOf(await connect(userId, email))).toBe(connectionId);
    expect(await getAccessToken({ ...deps(), connectionId })).toEqual(expect.any(String));
  });

  it("a refresh token no configured key opens makes the connection needs_reconnect without asking Google", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    const prisma = database().prisma;
    // Sealed with a key this server no longer has (SECRETS_KEY changed without rotating).
    await prisma.calendarConnection.update({
      where: { id: connectionId },
      data: { refreshToken: sealRefreshToken(otherKeys, "refresh-token"), accessTokenExpiresAt: clock.now() },
    });
    const tokenCalls = fake.requests.filter((request) => request.path === "/token").length;
    expect((await failure(getAccessToken({ ...deps(), connectionId }))).code).toBe("calendars.needs_reconnect");
    const row = await prisma.calendarConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row).toMatchObject({ status: "needs_reconnect", lastError: expect.stringMatching(/keys changed/) });
    expect(fake.requests.filter((request) => request.path === "/token").length).toBe(tokenCalls);
  });

  it("createWriteCalendar makes an AgendaCraft calendar in Google and the only write target", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    const prisma = database().prisma;
    const primary = await prisma.connectedCalendar.findFirstOrThrow({ where: { connectionId, primary: true } });
    await updateConnectedCalendar({
      db: prisma,
      actorId: userId,
      input: { id: primary.id, writeTarget: true },
      events,
      jobs,
    });

    const created = await createWriteCalendar({ ...deps(), actorId: userId, input: { connectionId } });
    expect(created).toMatchObject({ name: "AgendaCraft", busy: false, writeTarget: true });
    expect(fake.calendars(email).map((c) => [c.id, c.summary])).toContainEqual([created.externalId, "AgendaCraft"]);
    const targets = await prisma.connectedCalendar.findMany({
      where: { userId, writeTarget: true },
      select: { id: true },
    });
    expect(targets).toEqual([{ id: created.id }]);
  });

  it("disconnect with removeWrittenEvents deletes the written events in Google, revokes, and removes the connection", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    const prisma = database().prisma;
    const target = await createWriteCalendar({ ...deps(), actorId: userId, input: { connectionId, name: "Plans" } });
    const written = fake.addEvent(target.externalId, {
      summary: "Write report",
      start: { dateTime: "2026-06-02T09:00:00Z" },
      end: { dateTime: "2026-06-02T10:00:00Z" },
    });
    const meeting = fake.addEvent(email, {
      summary: "Standup",
      start: { dateTime: "2026-06-02T08:00:00Z" },
      end: { dateTime: "2026-06-02T08:15:00Z" },
    });
    for (const [blockIndex, externalEventId] of [written.id, "alreadygoneinGoogle0001"].entries()) {
      await prisma.taskCalendarEvent.create({
        data: {
          userId,
          calendarId: target.id,
          taskId: newId(),
          blockIndex,
          externalEventId,
          start: new Date("2026-06-02T09:00:00Z"),
          end: new Date("2026-06-02T10:00:00Z"),
          summary: "Write report",
          taskVersion: 1,
        },
      });
    }

    expect(
      await disconnectConnection({ ...deps(), actorId: userId, input: { connectionId, removeWrittenEvents: true } }),
    ).toEqual({
      deleted: true,
    });
    expect(fake.events(target.externalId).map((event) => event.id)).toEqual([]);
    // Only what AgendaCraft wrote: the person's own meeting stays.
    expect(fake.events(email).map((event) => event.id)).toContain(meeting.id);
    expect(fake.requests.some((request) => request.path === "/revoke")).toBe(true);
    expect(fake.grantedScopes(email)).toEqual([]);
    expect(await prisma.calendarConnection.count({ where: { userId } })).toBe(0);
    expect(await prisma.connectedCalendar.count({ where: { userId } })).toBe(0);
    expect(await prisma.taskCalendarEvent.count({ where: { userId } })).toBe(0);
  });

  it("another person's connection is NOT_FOUND to every service, and nothing reaches Google", async () => {
    const { userId, email } = await personWithAccount();
    const connectionId = connectionIdOf(await connect(userId, email));
    const stranger = await createUser(database().prisma);
    const requestsBefore = fake.requests.length;
    for (const call of [
      () => getAccessToken({ ...deps(), connectionId, actorId: stranger.id }),
      () => createWriteCalendar({ ...deps(), actorId: stranger.id, input: { connectionId } }),
      () =>
        disconnectConnection({ ...deps(), actorId: stranger.id, input: { connectionId, removeWrittenEvents: true } }),
    ]) {
      expect((await failure(call())).kind).toBe("NOT_FOUND");
    }
    expect(fake.requests.length).toBe(requestsBefore);
    expect(await listConnections({ db: database().prisma, actorId: userId })).toHaveLength(1);
  });
});
