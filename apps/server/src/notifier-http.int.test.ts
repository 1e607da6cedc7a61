import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { createNotificationBus, type NotificationBus, publishNotification } from "@agendacraft/domain/notifier";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

type SseEvent = { event?: string; id?: string; data: string };

/**
 * Opens the subscription the way tRPC's httpSubscriptionLink does (GET, text/event-stream)
 * and parses the server-sent events as they arrive.
 */
async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: "text/event-stream", ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  let ended = false;
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { data: "" };
          for (const line of block.split("\n")) {
            const colon = line.indexOf(":");
            if (colon <= 0) continue;
            const field = line.slice(0, colon);
            const value = line.slice(colon + 1).replace(/^ /, "");
            if (field === "data") event.data += value;
            else if (field === "id" || field === "event") event[field] = value;
          }
          events.push(event);
        }
      }
    } catch {
      // aborted by the test
    }
    ended = true;
  })();
  return {
    response,
    events,
    get ended() {
      return ended;
    },
    /** Notifications (events with an id) as the client sees them after superjson. */
    notifications: () =>
      events
        .filter((event) => event.id)
        .map((event) => ({ id: event.id, ...(JSON.parse(event.data) as { json: Record<string, unknown> }).json })),
    async close() {
      controller.abort();
      await reading;
    },
  };
}

/** Events arrive within milliseconds; a wait leaves room for a busy machine. */
const WAIT = { timeout: 10_000, interval: 20 };

describe("notifier over HTTP: the live notification stream (SSE)", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let bus: NotificationBus;
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

  beforeAll(async () => {
    bus = await createNotificationBus({ db: database().prisma, listen: database().listen, log: silent });
    server = await startTestServer({ db: database().prisma, notifications: bus });
  });
  afterAll(async () => {
    // The bus first, as start-server.ts does: it ends the open streams the server would wait for.
    await bus?.close();
    await server?.close();
  });

  async function signUp(name: string) {
    const email = `${name.toLowerCase()}-${randomUUID()}@example.com`;
    const response = await postJson(`${server.url}/api/auth/sign-up/email`, {
      name,
      email,
      password: "correct horse battery",
    });
    expect(response.status).toBe(200);
    const user = response.body.user as { id: string };
    return { id: user.id, cookie: cookieFrom(response.headers) };
  }

  /** What the worker does: create the notification and announce it, in a transaction of its own. */
  function createInAnotherTransaction(userId: string, title: string) {
    return database().prisma.$transaction(async (tx) => {
      const row = await tx.notification.create({
        data: { userId, kind: "task_starting", title, body: "", dedupeKey: `http-test:${randomUUID()}` },
      });
      await publishNotification(tx, { userId, id: row.id });
      return row;
    });
  }

  const streamUrl = (input?: unknown) =>
    `${server.url}/trpc/notifier.notifications.onNew${
      input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`
    }`;

  it("delivers a notification committed in another transaction live, to its user only", async () => {
    const alice = await signUp("Alice");
    const bob = await signUp("Bob");
    const aliceStream = await openStream(streamUrl(), { cookie: alice.cookie });
    const bobStream = await openStream(streamUrl(), { cookie: bob.cookie });
    try {
      expect(aliceStream.response.status).toBe(200);
      expect(aliceStream.response.headers.get("content-type")).toContain("text/event-stream");
      await vi.waitFor(
        () =>
          expect(
            [aliceStream, bobStream].map((stream) => stream.events.some((event) => event.event === "connected")),
          ).toEqual([true, true]),
        WAIT,
      );

      const created = await createInAnotherTransaction(alice.id, "Starting at 14:30: Write report");
      await vi.waitFor(() => expect(aliceStream.notifications()).toHaveLength(1), WAIT);
      expect(aliceStream.notifications()[0]).toMatchObject({
        id: created.id,
        title: "Starting at 14:30: Write report",
        readAt: null,
      });
      // Announcements reach the server in commit order: once Bob's own, later one is on his
      // stream, Alice's would be there before it if it leaked.
      const forBob = await createInAnotherTransaction(bob.id, "For Bob");
      await vi.waitFor(() => expect(bobStream.notifications()).toHaveLength(1), WAIT);
      expect(bobStream.notifications().map((notification) => notification.id)).toEqual([forBob.id]);
    } finally {
      await aliceStream.close();
      await bobStream.close();
    }
  });

  it("a reconnecting client (Last-Event-ID) first gets the unread notifications it missed", async () => {
    const user = await signUp("Mia");
    const first = await openStream(streamUrl(), { cookie: user.cookie });
    await vi.waitFor(() => expect(first.events.map((event) => event.event)).toContain("connected"), WAIT);
    const seen = await createInAnotherTransaction(user.id, "seen");
    await vi.waitFor(() => expect(first.notifications()).toHaveLength(1), WAIT);
    await first.close();

    const missed = await createInAnotherTransaction(user.id, "missed while away");
    const again = await openStream(streamUrl(), { cookie: user.cookie, "last-event-id": seen.id });
    try {
      await vi.waitFor(() => expect(again.notifications()).toHaveLength(1), WAIT);
      expect(again.notifications()[0]).toMatchObject({ id: missed.id, title: "missed while away" });
    } finally {
      await again.close();
    }

    // tRPC's link sends lastEventId in the input instead when it reconnects on its own.
    const viaInput = await openStream(streamUrl({ lastEventId: seen.id }), { cookie: user.cookie });
    try {
      await vi.waitFor(() => expect(viaInput.notifications()).toHaveLength(1), WAIT);
      expect(viaInput.notifications()[0]?.id).toBe(missed.id);
    } finally {
      await viaInput.close();
    }
  });

  it("refuses the stream without a session", async () => {
    const { status } = await callProcedure(server.url, "notifier.notifications.unreadCount", {});
    expect(status).toBe(401);
    const anonymous = await openStream(streamUrl(), {});
    try {
      await vi.waitFor(
        () => expect(anonymous.ended || anonymous.events.some((e) => e.event === "serialized-error")).toBe(true),
        WAIT,
      );
      const error = anonymous.events.find((event) => event.event === "serialized-error");
      expect(anonymous.response.status === 401 || error?.data.includes("UNAUTHORIZED")).toBe(true);
    } finally {
      await anonymous.close();
    }
  });
});
