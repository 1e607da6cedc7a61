import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { calendar_v3 } from "@googleapis/calendar";
import { OAuth2Client } from "google-auth-library";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeGoogle, startFakeGoogle } from "./start-fake-google.ts";

/**
 * The fake as AgendaCraft meets it: through Google's own Node clients (@googleapis/calendar on
 * google-auth-library's HTTP layer), built the way packages/domain/src/calendars/google builds them.
 */
let fake: FakeGoogle;
let receiver: Server;
let receiverUrl: string;
const received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  fake = await startFakeGoogle({ clientId: "client", clientSecret: "secret" });
  receiver = createServer((request, response) => {
    received.push(request.headers);
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/google/notifications`;
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => receiver.close(resolve));
});

async function calendarApi(email: string): Promise<calendar_v3.Calendar> {
  const tokens = await fake.issueTokens({ email });
  const auth = new OAuth2Client({ clientId: "client", clientSecret: "secret" });
  auth.setCredentials({ access_token: tokens.accessToken });
  return new calendar_v3.Calendar({ auth, rootUrl: `${fake.url}/`, retry: false });
}

/** What google-auth-library's HTTP layer throws, reduced to what AgendaCraft reads from it. */
async function failure(call: Promise<unknown>) {
  const error = (await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )) as { response?: { status: number; data: { error: { errors: { reason: string }[] } } } } | undefined;
  return { status: error?.response?.status, reason: error?.response?.data.error.errors[0]?.reason };
}

const hh = (hour: number) => String(hour).padStart(2, "0");
const block = (hour: number) => ({
  start: { dateTime: `2026-12-08T${hh(hour)}:00:00+01:00` },
  end: { dateTime: `2026-12-08T${hh(hour + 1)}:00:00+01:00` },
});

describe("Google's Node client against the fake", () => {
  it("writes a task block the AgendaCraft way: insert, 409 on a taken id, patch back to confirmed", async () => {
    const api = await calendarApi("writer@example.com");
    const created = await api.calendars.insert({ requestBody: { summary: "AgendaCraft" } });
    const calendarId = created.data.id ?? "";
    const list = await api.calendarList.list({ maxResults: 10 });
    expect(list.data.items?.map((entry) => entry.summary)).toEqual(["writer@example.com", "AgendaCraft"]);

    const requestBody = {
      id: "ac0123456789abcdef",
      summary: "Write report",
      ...block(10),
      extendedProperties: { private: { agendacraftTaskId: "task-1" } },
    };
    await api.events.insert({ calendarId, sendUpdates: "none", requestBody });
    await api.events.delete({ calendarId, eventId: requestBody.id, sendUpdates: "none" });
    expect(await failure(api.events.insert({ calendarId, sendUpdates: "none", requestBody }))).toEqual({
      status: 409,
      reason: "duplicate",
    });
    const restored = await api.events.patch({
      calendarId,
      eventId: requestBody.id,
      sendUpdates: "none",
      requestBody: { ...requestBody, status: "confirmed" },
    });
    expect(restored.data).toMatchObject({ status: "confirmed", summary: "Write report" });
    expect(fake.events(calendarId).map((event) => event.id)).toEqual([requestBody.id]);

    const found = await api.events.list({ calendarId, privateExtendedProperty: ["agendacraftTaskId=task-1"] });
    expect(found.data.items?.map((event) => event.id)).toEqual([requestBody.id]);
  });

  it("syncs incrementally, then gets 410 fullSyncRequired once the token expired", async () => {
    const api = await calendarApi("reader@example.com");
    fake.addEvent("reader@example.com", { summary: "Stand-up", ...block(9) });
    const full = await api.events.list({ calendarId: "primary", singleEvents: true });
    expect(full.data.items?.map((event) => event.summary)).toEqual(["Stand-up"]);
    const moved = fake.addEvent("reader@example.com", { summary: "Review", ...block(14) });
    const delta = await api.events.list({ calendarId: "primary", syncToken: full.data.nextSyncToken ?? "" });
    expect(delta.data.items?.map((event) => event.id)).toEqual([moved.id]);

    fake.expireSyncTokens("reader@example.com");
    expect(
      await failure(api.events.list({ calendarId: "primary", syncToken: delta.data.nextSyncToken ?? "" })),
    ).toEqual({ status: 410, reason: "fullSyncRequired" });
  });

  it("opens a push channel: a sync message at once, then one per change, with the channel's token", async () => {
    const api = await calendarApi("watched@example.com");
    const channel = await api.events.watch({
      calendarId: "primary",
      requestBody: { id: "channel-1", type: "web_hook", address: receiverUrl, token: "verify-me" },
    });
    expect(channel.data).toMatchObject({ kind: "api#channel", id: "channel-1", token: "verify-me" });
    await vi.waitFor(() => expect(received.map((headers) => headers["x-goog-resource-state"])).toEqual(["sync"]));

    fake.addEvent("watched@example.com", { summary: "Dentist", ...block(16) });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toMatchObject({
      "x-goog-channel-id": "channel-1",
      "x-goog-channel-token": "verify-me",
      "x-goog-resource-state": "exists",
      "x-goog-resource-id": channel.data.resourceId,
      "x-goog-message-number": "2",
    });

    await api.channels.stop({ requestBody: { id: "channel-1", resourceId: channel.data.resourceId ?? "" } });
    fake.addEvent("watched@example.com", { summary: "After stop", ...block(18) });
    await fake.settleNotifications();
    expect(received).toHaveLength(2);
  });
});
