import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personWithToken, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";

const NOW = "2026-03-20T08:00:00.000Z";

type Notification = { id: string; title: string; read_at: string | null };

describe("REST API v1: notifications", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, clock: fixedClock(NOW) });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A person with notifications as the reminder worker stores them, the last one newest. */
  async function personWithNotifications(titles: string[]) {
    const person = await personWithToken(server.url);
    const ids: string[] = [];
    for (const [index, title] of titles.entries()) {
      const row = await database().prisma.notification.create({
        data: {
          userId: person.userId,
          kind: "task_starting",
          title,
          body: `${title} starts in 10 minutes`,
          dedupeKey: `rest-test:${randomUUID()}`,
          createdAt: new Date(Date.parse("2026-03-20T07:00:00Z") + index * 60_000),
        },
      });
      ids.push(row.id);
    }
    const call = (method: string, path: string) => restCall(server.url, method, path, { token: person.token });
    return { ...person, ids, call };
  }

  it("lists notifications newest first in snake_case, paged with a Link header", async () => {
    const person = await personWithNotifications(["Standup", "Lunch", "Review"]);
    const first = await person.call("GET", "/api/v1/notifications/?limit=2");
    expect(first.status).toBe(200);
    expect(first.body).toEqual([
      {
        id: person.ids[2],
        kind: "task_starting",
        task_id: null,
        title: "Review",
        body: "Review starts in 10 minutes",
        created_at: "2026-03-20T07:02:00.000Z",
        read_at: null,
      },
      expect.objectContaining({ id: person.ids[1], title: "Lunch" }),
    ]);
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).toMatch(/^\/api\/v1\/notifications\/\?limit=2&cursor=/);
    const second = await person.call("GET", String(next));
    expect((second.body as Notification[]).map((item) => item.title)).toEqual(["Standup"]);
    expect(second.headers.get("link")).toBeNull();
  });

  it("marks one read: the count and the unread filter follow; another person's is not found and stays unread", async () => {
    const person = await personWithNotifications(["Standup", "Lunch"]);
    const other = await personWithNotifications(["Not yours"]);
    expect((await person.call("GET", "/api/v1/notifications/unread-count/")).body).toEqual({ count: 2 });

    const marked = await person.call("POST", `/api/v1/notifications/${person.ids[0]}/read/`);
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: person.ids[0], title: "Standup", read_at: NOW });
    // Again: still read, since the first time.
    const again = await person.call("POST", `/api/v1/notifications/${person.ids[0]}/read`);
    expect(again.body).toEqual(marked.body);

    const all = (await person.call("GET", "/api/v1/notifications/")).body as Notification[];
    expect(all.find((item) => item.id === person.ids[0])?.read_at).toBe(NOW);
    const unread = await person.call("GET", "/api/v1/notifications/?unread_only=true");
    expect((unread.body as Notification[]).map((item) => item.title)).toEqual(["Lunch"]);
    expect((await person.call("GET", "/api/v1/notifications/unread-count")).body).toEqual({ count: 1 });

    const notYours = await person.call("POST", `/api/v1/notifications/${other.ids[0]}/read/`);
    expect(notYours.status).toBe(404);
    expect(notYours.body).toMatchObject({ error: { code: "notifier.notification_not_found" } });
    expect((await other.call("GET", "/api/v1/notifications/unread-count/")).body).toEqual({ count: 1 });
  });

  it("marks all read", async () => {
    const person = await personWithNotifications(["Standup", "Lunch", "Review"]);
    await person.call("POST", `/api/v1/notifications/${person.ids[1]}/read/`);
    const marked = await person.call("POST", "/api/v1/notifications/read-all/");
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ updated: 2 });
    expect((await person.call("GET", "/api/v1/notifications/unread-count/")).body).toEqual({ count: 0 });
    const listed = (await person.call("GET", "/api/v1/notifications/")).body as Notification[];
    expect(listed.map((item) => item.read_at)).toEqual([NOW, NOW, NOW]);
  });

  it("answers 400 for a malformed id or query, 401 without a token", async () => {
    const person = await personWithNotifications([]);
    const badId = await person.call("POST", "/api/v1/notifications/42/read/");
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({
      error: { code: "common.invalid_input", details: { fields: { id: expect.any(Array) } } },
    });
    for (const query of ["?unread_only=yes", "?unreadOnly=true", "?cursor="]) {
      const response = await person.call("GET", `/api/v1/notifications/${query}`);
      expect(response.status, query).toBe(400);
    }
    expect((await restCall(server.url, "POST", "/api/v1/notifications/read-all/")).status).toBe(401);
  });
});
