import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES } from "./scopes.ts";
import { type FakeGoogle, startFakeGoogle } from "./start-fake-google.ts";

let fake: FakeGoogle;

beforeAll(async () => {
  fake = await startFakeGoogle({ clientId: "client", clientSecret: "secret" });
});
afterAll(async () => {
  await fake.close();
});

let accounts = 0;
/** A fresh account with tokens, and a fetch that calls the Calendar API with them. */
async function connectedAccount(scopes?: string[]) {
  accounts += 1;
  const email = `person${accounts}@example.com`;
  const tokens = await fake.issueTokens({ email, ...(scopes ? { scopes } : {}) });
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${fake.url}/calendar/v3${path}`, {
      method: init.method ?? "GET",
      headers: {
        authorization: `Bearer ${tokens.accessToken}`,
        ...(init.body ? { "content-type": "application/json" } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return { email, tokens, call, events: `/calendars/${encodeURIComponent(email)}/events` };
}

const meeting = (day: number, hour: number, summary = `Meeting ${day}/${hour}`) => ({
  summary,
  start: { dateTime: `2026-12-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00+01:00` },
  end: { dateTime: `2026-12-${String(day).padStart(2, "0")}T${String(hour + 1).padStart(2, "0")}:00:00+01:00` },
});

/** Follows nextPageToken to the end, as a client must; returns every item and the final sync token. */
async function listAll(call: Awaited<ReturnType<typeof connectedAccount>>["call"], path: string, query: string) {
  const items: { id: string; status: string; summary?: string }[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await call(`${path}?${query}${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ""}`);
    expect(page.status).toBe(200);
    pages += 1;
    items.push(...page.body.items);
    if (!page.body.nextPageToken) return { items, pages, nextSyncToken: page.body.nextSyncToken as string };
    expect(page.body.nextSyncToken).toBeUndefined();
    pageToken = page.body.nextPageToken;
  }
}

describe("calendarList and calendars.insert", () => {
  it("lists the primary calendar and created ones, page by page", async () => {
    const { email, call } = await connectedAccount();
    const created = await call("/calendars", { method: "POST", body: { summary: "AgendaCraft" } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ kind: "calendar#calendar", summary: "AgendaCraft" });
    expect(created.body.id).toMatch(/@group\.calendar\.google\.com$/);
    fake.addCalendar(email, { summary: "Holidays" });

    const first = await call("/users/me/calendarList?maxResults=2");
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({ id: email, primary: true, accessRole: "owner" });
    const second = await call(`/users/me/calendarList?maxResults=2&pageToken=${first.body.nextPageToken}`);
    expect(second.body.items.map((entry: { summary: string }) => entry.summary)).toEqual(["Holidays"]);
    expect(second.body.nextPageToken).toBeUndefined();
  });

  it("with only calendar.app.created, reaches the calendars it created and no other", async () => {
    const { email, call } = await connectedAccount([SCOPES.appCreated]);
    const created = await call("/calendars", { method: "POST", body: { summary: "AgendaCraft" } });
    expect(created.status).toBe(200);
    const own = `/calendars/${encodeURIComponent(created.body.id)}/events`;
    expect((await call(own, { method: "POST", body: meeting(2, 9) })).status).toBe(200);
    expect((await call(own)).body.items).toHaveLength(1);
    expect((await call(`/calendars/${encodeURIComponent(email)}/events`)).status).toBe(403);
  });

  it("needs a calendar scope to create a calendar, and an access token for anything", async () => {
    const { call } = await connectedAccount([SCOPES.openid, SCOPES.calendarListReadonly]);
    const refused = await call("/calendars", { method: "POST", body: { summary: "Nope" } });
    expect(refused.status).toBe(403);
    const anonymous = await fetch(`${fake.url}/calendar/v3/users/me/calendarList`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 401, errors: [{ reason: "required" }] } });
  });
});

describe("events", () => {
  it("inserts with a client-given id, and refuses that id again even after the event was deleted", async () => {
    const { call, events } = await connectedAccount();
    const inserted = await call(`${events}?sendUpdates=none`, {
      method: "POST",
      body: { id: "agendacraft0task1", ...meeting(3, 9), extendedProperties: { private: { agendacraftTaskId: "t1" } } },
    });
    expect(inserted.status).toBe(200);
    expect(inserted.body).toMatchObject({ id: "agendacraft0task1", status: "confirmed", eventType: "default" });
    expect(inserted.body.extendedProperties.private.agendacraftTaskId).toBe("t1");

    const again = await call(events, { method: "POST", body: { id: "agendacraft0task1", ...meeting(3, 9) } });
    expect(again.status).toBe(409);
    expect(again.body.error.errors[0].reason).toBe("duplicate");

    expect((await call(`${events}/agendacraft0task1`, { method: "DELETE" })).status).toBe(204);
    const deletedAgain = await call(`${events}/agendacraft0task1`, { method: "DELETE" });
    expect(deletedAgain.status).toBe(410);
    expect(deletedAgain.body.error.errors[0].reason).toBe("deleted");
    const reinsert = await call(events, { method: "POST", body: { id: "agendacraft0task1", ...meeting(3, 9) } });
    expect(reinsert.status).toBe(409);

    // A deleted event comes back by patching its status, as Google allows.
    const restored = await call(`${events}/agendacraft0task1`, { method: "PATCH", body: { status: "confirmed" } });
    expect(restored.status).toBe(200);
    expect(restored.body.status).toBe("confirmed");
  });

  it("answers 404 for another account's calendar and its events", async () => {
    const owner = await connectedAccount();
    const stranger = await connectedAccount();
    const event = fake.addEvent(owner.email, meeting(5, 9));
    expect((await stranger.call(owner.events)).status).toBe(404);
    const peek = await stranger.call(`${owner.events}/${event.id}`);
    expect(peek.status).toBe(404);
    expect(peek.body.error.errors[0].reason).toBe("notFound");
    expect((await stranger.call(`${owner.events}/${event.id}`, { method: "DELETE" })).status).toBe(404);
    expect(fake.event(owner.email, event.id)?.status).toBe("confirmed");
  });

  it("refuses an id outside base32hex and an end before the start", async () => {
    const { call, events } = await connectedAccount();
    const badId = await call(events, { method: "POST", body: { id: "Not-Valid!", ...meeting(3, 9) } });
    expect(badId.status).toBe(400);
    const backwards = await call(events, {
      method: "POST",
      body: { ...meeting(3, 9), end: { dateTime: "2026-12-03T08:00:00+01:00" } },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.errors[0].reason).toBe("timeRangeEmpty");
  });

  it("patches: sets updated and a new etag, merges extendedProperties, replaces start and end", async () => {
    const { email, call, events } = await connectedAccount();
    const created = fake.addEvent(email, {
      ...meeting(4, 10),
      extendedProperties: { private: { a: "1" } },
    });
    const patched = await call(`${events}/${created.id}`, {
      method: "PATCH",
      body: { start: { date: "2026-12-04" }, end: { date: "2026-12-05" }, extendedProperties: { private: { b: "2" } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.start).toEqual({ date: "2026-12-04" });
    expect(patched.body.extendedProperties.private).toEqual({ a: "1", b: "2" });
    expect(Date.parse(patched.body.updated)).toBeGreaterThan(Date.parse(created.updated));
    expect(patched.body.etag).not.toBe(created.etag);
  });
});

describe("calendars shared read-only", () => {
  it("lists a reader calendar with its accessRole and answers 403 requiredAccessLevel to every write", async () => {
    const { email, call } = await connectedAccount();
    const shared = fake.addCalendar(email, { summary: "Team holidays", accessRole: "reader" });
    const list = await call("/users/me/calendarList");
    expect(list.body.items.map((entry: { id: string; accessRole: string }) => [entry.id, entry.accessRole])).toEqual([
      [email, "owner"],
      [shared.id, "reader"],
    ]);
    const events = `/calendars/${encodeURIComponent(shared.id)}/events`;
    const inserted = await call(events, { method: "POST", body: meeting(3, 9) });
    expect(inserted.status).toBe(403);
    expect(inserted.body.error.errors[0].reason).toBe("requiredAccessLevel");
    expect((await call(events)).status).toBe(200);
  });

  it("refuses patches and deletes once the owner narrows a writable calendar to freeBusyReader", async () => {
    const { email, call } = await connectedAccount();
    const team = fake.addCalendar(email, { summary: "Team" });
    const events = `/calendars/${encodeURIComponent(team.id)}/events`;
    const created = await call(events, { method: "POST", body: meeting(4, 9) });
    expect(created.status).toBe(200);
    fake.setAccessRole(team.id, "freeBusyReader");
    const patched = await call(`${events}/${created.body.id}`, { method: "PATCH", body: { summary: "Renamed" } });
    expect(patched.status).toBe(403);
    expect((await call(`${events}/${created.body.id}`, { method: "DELETE" })).status).toBe(403);
    const entry = await call(`/users/me/calendarList/${encodeURIComponent(team.id)}`);
    expect(entry.body.accessRole).toBe("freeBusyReader");
  });
});

describe("events.list with pages and sync tokens", () => {
  it("follows pages, gives nextSyncToken only on the last, then returns only what changed, deletions included", async () => {
    const { email, call, events } = await connectedAccount();
    const created = Array.from({ length: 5 }, (_, index) => fake.addEvent(email, meeting(7, 8 + index)));

    const full = await listAll(call, events, "maxResults=2&singleEvents=true");
    expect(full.pages).toBe(3);
    expect(full.items.map((item) => item.id).sort()).toEqual(created.map((event) => event.id).sort());

    // Changes in another calendar are not this calendar's: nothing new gives back the same token.
    fake.addEvent(fake.defaultAccount.email, meeting(7, 8));
    const unchanged = await call(`${events}?syncToken=${encodeURIComponent(full.nextSyncToken)}`);
    expect(unchanged.body.items).toEqual([]);
    expect(unchanged.body.nextSyncToken).toBe(full.nextSyncToken);

    const [first, second] = created;
    fake.updateEvent(email, first?.id ?? "", { summary: "Moved" });
    fake.deleteEvent(email, second?.id ?? "");
    const added = fake.addEvent(email, meeting(8, 9, "New"));
    const delta = await listAll(call, events, `syncToken=${encodeURIComponent(unchanged.body.nextSyncToken)}`);
    expect(delta.items).toHaveLength(3);
    expect(delta.items).toContainEqual(expect.objectContaining({ id: first?.id, summary: "Moved" }));
    expect(delta.items).toContainEqual({
      kind: "calendar#event",
      etag: expect.any(String),
      id: second?.id,
      status: "cancelled",
    });
    expect(delta.items).toContainEqual(expect.objectContaining({ id: added.id, status: "confirmed" }));

    // A full listing leaves the deleted event out unless showDeleted.
    const again = await listAll(call, events, "maxResults=100");
    expect(again.items.map((item) => item.id)).not.toContain(second?.id);
    const withDeleted = await listAll(call, events, "showDeleted=true");
    expect(withDeleted.items.map((item) => item.id)).toContain(second?.id);
  });

  it("neither skips nor repeats events changed between two pages", async () => {
    const { email, call, events } = await connectedAccount();
    const created = Array.from({ length: 4 }, (_, index) => fake.addEvent(email, meeting(9, 8 + index)));
    const firstPage = await call(`${events}?maxResults=2`);
    const [seen] = firstPage.body.items as { id: string }[];
    const unseen = created.find((event) => !firstPage.body.items.some((item: { id: string }) => item.id === event.id));
    fake.updateEvent(email, seen?.id ?? "", { summary: "Changed while paging" });
    fake.updateEvent(email, unseen?.id ?? "", { summary: "Also changed" });
    const rest = await listAll(
      call,
      events,
      `maxResults=2&pageToken=${encodeURIComponent(firstPage.body.nextPageToken)}`,
    );
    const delta = await listAll(call, events, `syncToken=${encodeURIComponent(rest.nextSyncToken)}`);
    const everything = [...firstPage.body.items, ...rest.items, ...delta.items].map((item: { id: string }) => item.id);
    expect(new Set(everything)).toEqual(new Set(created.map((event) => event.id)));
    expect(delta.items.map((item) => item.summary).sort()).toEqual(["Also changed", "Changed while paging"]);
  });

  it("answers 410 fullSyncRequired for an expired sync token, and 400 when it comes with timeMin", async () => {
    const { email, call, events } = await connectedAccount();
    fake.addEvent(email, meeting(10, 9));
    const full = await listAll(call, events, "");
    const withTimeMin = await call(
      `${events}?syncToken=${encodeURIComponent(full.nextSyncToken)}&timeMin=${encodeURIComponent("2026-12-01T00:00:00Z")}`,
    );
    expect(withTimeMin.status).toBe(400);
    expect(withTimeMin.body.error.errors[0].reason).toBe("syncTokenWithRequestRestrictions");
    const hidingDeleted = await call(`${events}?syncToken=${encodeURIComponent(full.nextSyncToken)}&showDeleted=false`);
    expect(hidingDeleted.status).toBe(400);

    fake.expireSyncTokens(email);
    const expired = await call(`${events}?syncToken=${encodeURIComponent(full.nextSyncToken)}`);
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({
      error: { code: 410, errors: [{ domain: "global", reason: "fullSyncRequired" }] },
    });
    const resync = await listAll(call, events, "");
    expect(resync.items).toHaveLength(1);
  });

  it("filters a full listing by timeMin and timeMax, all-day events read in the calendar's zone", async () => {
    const { email, call, events } = await connectedAccount();
    fake.addEvent(email, meeting(14, 9, "Inside"));
    fake.addEvent(email, meeting(20, 9, "Outside"));
    fake.addEvent(email, { summary: "Day off", start: { date: "2026-12-15" }, end: { date: "2026-12-16" } });
    const range = `timeMin=${encodeURIComponent("2026-12-14T00:00:00+01:00")}&timeMax=${encodeURIComponent("2026-12-15T00:30:00+01:00")}`;
    const listed = await listAll(call, events, `${range}&singleEvents=true&orderBy=startTime`);
    expect(listed.items.map((item) => item.summary)).toEqual(["Inside", "Day off"]);
  });
});

describe("fault injection and the request log", () => {
  it("answers injected quota errors with Retry-After, then serves again", async () => {
    const { call, events } = await connectedAccount();
    fake.failNext({ path: /\/events$/, status: 429, retryAfterSeconds: 2, times: 2 });
    fake.failNext({ path: "/calendarList", status: 403, reason: "rateLimitExceeded" });
    fake.clearRequests();

    const limited = await call(events);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.body).toMatchObject({
      error: { code: 429, errors: [{ reason: "rateLimitExceeded", domain: "usageLimits" }] },
    });
    expect((await call(events)).status).toBe(429);
    expect((await call(events)).status).toBe(200);
    const forbidden = await call("/users/me/calendarList");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.errors[0].reason).toBe("rateLimitExceeded");

    expect(fake.requests.map((request) => [request.method, request.status])).toEqual([
      ["GET", 429],
      ["GET", 429],
      ["GET", 200],
      ["GET", 403],
    ]);
  });

  it("answers 401 once access tokens are expired", async () => {
    const { call, events } = await connectedAccount();
    fake.expireAccessTokens();
    const expired = await call(events);
    expect(expired.status).toBe(401);
    expect(expired.body.error.errors[0].reason).toBe("authError");
  });
});
