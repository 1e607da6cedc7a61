import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGoogle, startFakeGoogle } from "./start-fake-google.ts";

let fake: FakeGoogle;
let token: string;
const email = "series@example.com";

beforeAll(async () => {
  fake = await startFakeGoogle({ clientId: "client", clientSecret: "secret" });
  token = (await fake.issueTokens({ email })).accessToken;
});
afterAll(async () => {
  await fake.close();
});

async function list(query: string) {
  const response = await fetch(`${fake.url}/calendar/v3/calendars/${encodeURIComponent(email)}/events?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    items: { id: string; status: string; start: { dateTime: string }; recurringEventId?: string }[];
    nextSyncToken?: string;
    nextPageToken?: string;
  };
}

describe("recurring events", () => {
  it("lists a weekly series as instances on the zone's wall clock across a DST change, without excluded dates", async () => {
    const series = fake.addEvent(email, {
      summary: "Stand-up",
      start: { dateTime: "2027-03-22T09:30:00", timeZone: "Europe/Berlin" },
      end: { dateTime: "2027-03-22T09:45:00", timeZone: "Europe/Berlin" },
      recurrence: ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4", "EXDATE;TZID=Europe/Berlin:20270324T093000"],
    });
    const listed = await list("singleEvents=true");
    expect(listed.items.map((item) => item.start.dateTime)).toEqual([
      "2027-03-22T09:30:00+01:00",
      "2027-03-29T09:30:00+02:00",
      "2027-03-31T09:30:00+02:00",
    ]);
    expect(listed.items[0]).toMatchObject({ id: `${series.id}_20270322T083000Z`, recurringEventId: series.id });
    const unexpanded = await list("singleEvents=false");
    expect(unexpanded.items.map((item) => item.id)).toEqual([series.id]);
    fake.deleteEvent(email, series.id);
  });

  it("moves one instance: it blocks only its new time, and the next incremental sync returns just it", async () => {
    const series = fake.addEvent(email, {
      summary: "Review",
      start: { dateTime: "2027-05-03T14:00:00+02:00", timeZone: "Europe/Berlin" },
      end: { dateTime: "2027-05-03T15:00:00+02:00", timeZone: "Europe/Berlin" },
      recurrence: ["RRULE:FREQ=DAILY;COUNT=3"],
    });
    const before = await list("singleEvents=true&timeMin=2027-05-01T00:00:00Z");
    expect(before.items).toHaveLength(3);
    const second = `${series.id}_20270504T120000Z`;
    fake.updateEvent(email, second, {
      start: { dateTime: "2027-05-04T17:00:00+02:00" },
      end: { dateTime: "2027-05-04T18:00:00+02:00" },
    });

    const delta = await list(`syncToken=${encodeURIComponent(before.nextSyncToken ?? "")}&singleEvents=true`);
    expect(delta.items).toEqual([
      expect.objectContaining({
        id: second,
        recurringEventId: series.id,
        originalStartTime: { dateTime: "2027-05-04T14:00:00+02:00", timeZone: "Europe/Berlin" },
        start: { dateTime: "2027-05-04T17:00:00+02:00" },
      }),
    ]);
    const after = await list("singleEvents=true&timeMin=2027-05-01T00:00:00Z");
    expect(after.items.map((item) => item.start.dateTime).sort()).toEqual([
      "2027-05-03T14:00:00+02:00",
      "2027-05-04T17:00:00+02:00",
      "2027-05-05T14:00:00+02:00",
    ]);

    // Deleting one instance cancels only that one.
    fake.deleteEvent(email, `${series.id}_20270505T120000Z`);
    const remaining = await list("singleEvents=true&timeMin=2027-05-01T00:00:00Z");
    expect(remaining.items).toHaveLength(2);
  });

  it("pages through the instances of a series without skipping or repeating one", async () => {
    const series = fake.addEvent(email, {
      summary: "Daily",
      start: { dateTime: "2027-06-01T08:00:00Z" },
      end: { dateTime: "2027-06-01T08:15:00Z" },
      recurrence: ["RRULE:FREQ=DAILY;COUNT=7"],
    });
    const ids: string[] = [];
    let pageToken = "";
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await list(
        `singleEvents=true&maxResults=3&timeMin=2027-06-01T00:00:00Z${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ""}`,
      );
      ids.push(...page.items.map((item) => item.id));
      if (!page.nextPageToken) break;
      pageToken = page.nextPageToken;
    }
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(ids.every((id) => id.startsWith(`${series.id}_`))).toBe(true);
  });
});
