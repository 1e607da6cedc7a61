import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DueInput } from "./account-state.ts";
import { todoistClient } from "./client-for-tests.ts";
import { type FakeTodoist, startFakeTodoist } from "./start-fake-todoist.ts";
import type { TodoistError } from "./todoist-errors.ts";
import type { TodoistDue, TodoistTask } from "./todoist-types.ts";

// Wednesday 4 March 2026, 10:00 UTC.
const NOW = new Date("2026-03-04T10:00:00Z");
let fake: FakeTodoist;

beforeAll(async () => {
  fake = await startFakeTodoist({ now: () => NOW });
});
afterAll(async () => {
  await fake.close();
});

type SyncAnswer = { sync_token: string; items?: TodoistTask[]; sync_status?: Record<string, "ok" | TodoistError> };

let accounts = 0;
function account(timezone = "UTC") {
  accounts += 1;
  const email = `recurring-${accounts}@example.com`;
  fake.addAccount({ email, timezone });
  return { email, client: todoistClient(fake.url, fake.issueToken(email)) };
}

describe("closing a recurring task moves it to its next occurrence: same id, still open", () => {
  const cases: { string: string; due: DueInput; next: Partial<TodoistDue>; timezone?: string }[] = [
    { string: "every day", due: { date: "2026-03-04" }, next: { date: "2026-03-05" } },
    // Missed occurrences are skipped: an overdue daily task lands on today.
    { string: "every day", due: { date: "2026-03-01" }, next: { date: "2026-03-04" } },
    { string: "every 3 days", due: { date: "2026-03-04" }, next: { date: "2026-03-07" } },
    { string: "every weekday", due: { date: "2026-03-06" }, next: { date: "2026-03-09" } },
    { string: "every workday", due: { date: "2026-03-04" }, next: { date: "2026-03-05" } },
    { string: "every monday", due: { date: "2026-03-02" }, next: { date: "2026-03-09" } },
    { string: "every mon, thu", due: { date: "2026-03-05" }, next: { date: "2026-03-09" } },
    { string: "every week", due: { date: "2026-03-04" }, next: { date: "2026-03-11" } },
    { string: "every 2 weeks", due: { date: "2026-03-04" }, next: { date: "2026-03-18" } },
    { string: "every other week", due: { date: "2026-03-04" }, next: { date: "2026-03-18" } },
    { string: "every month", due: { date: "2026-01-31" }, next: { date: "2026-03-31" } },
    // "every!" counts from the completion day, not from the due date.
    { string: "every! 3 days", due: { date: "2026-02-20" }, next: { date: "2026-03-07" } },
    // A floating time stays the same wall-clock time.
    {
      string: "every day at 9am",
      due: { date: "2026-03-04T09:00:00" },
      next: { date: "2026-03-05", datetime: "2026-03-05T09:00:00" },
    },
    // A fixed-zone time keeps its local time across a DST change (Berlin: +01:00 then +02:00 from 29 March).
    {
      string: "every week at 9am",
      due: { datetime: "2026-03-26T08:00:00Z", timezone: "Europe/Berlin" },
      next: { date: "2026-04-02", datetime: "2026-04-02T07:00:00Z", timezone: "Europe/Berlin" },
      timezone: "Europe/Berlin",
    },
  ];

  for (const { string, due, next, timezone } of cases) {
    it(`"${string}" due ${due.datetime ?? due.date} -> ${next.datetime ?? next.date}`, async () => {
      const { email, client } = account(timezone);
      const task = fake.addTask(email, { content: string, due: { ...due, string } });
      expect(task.due?.is_recurring).toBe(true);
      const before = (await client.sync<SyncAnswer>({ sync_token: "*", resource_types: ["items"] })).body.sync_token;

      const closed = await client.sync<SyncAnswer>({
        commands: [{ type: "item_close", uuid: `close-${task.id}`, args: { id: task.id } }],
      });
      expect(closed.body.sync_status).toEqual({ [`close-${task.id}`]: "ok" });

      const changes = await client.sync<SyncAnswer>({ sync_token: before, resource_types: ["items"] });
      expect(changes.body.items).toEqual([
        expect.objectContaining({
          id: task.id,
          checked: false,
          completed_at: null,
          due: expect.objectContaining({ ...next, string, is_recurring: true }),
        }),
      ]);
      expect(fake.tasks(email).map((open) => open.id)).toEqual([task.id]);
      expect(fake.completions(email)).toEqual([
        expect.objectContaining({ task: expect.objectContaining({ id: task.id, checked: true }) }),
      ]);
    });
  }

  it("does the same for POST /api/v1/tasks/{id}/close, and lists the occurrence as completed", async () => {
    const { email, client } = account();
    const task = fake.addTask(email, { content: "Stretch", due: { string: "every day" } });
    expect(task.due?.date).toBe("2026-03-04");
    const answer = await client.post(`/api/v1/tasks/${task.id}/close`);
    expect(answer.status).toBe(204);
    expect(fake.task(email, task.id)).toMatchObject({ checked: false, due: { date: "2026-03-05" } });
    const completed = await client.get<{ items: TodoistTask[] }>(
      "/api/v1/tasks/completed/by_completion_date?since=2026-03-04T00:00:00Z&until=2026-03-05T00:00:00Z",
    );
    expect(completed.body.items).toEqual([
      expect.objectContaining({ id: task.id, checked: true, due: expect.objectContaining({ date: "2026-03-04" }) }),
    ]);
  });

  it("item_update_date_complete records the occurrence and takes the next due the client computed", async () => {
    const { email, client } = account();
    const task = fake.addTask(email, { content: "Invoice", due: { date: "2026-03-04", string: "every month" } });
    const answer = await client.sync<SyncAnswer>({
      commands: [
        {
          type: "item_update_date_complete",
          uuid: `udc-${task.id}`,
          args: { id: task.id, due: { date: "2026-04-04" }, is_forward: 1 },
        },
      ],
    });
    expect(answer.body.sync_status).toEqual({ [`udc-${task.id}`]: "ok" });
    expect(fake.task(email, task.id)).toMatchObject({
      checked: false,
      due: { date: "2026-04-04", is_recurring: true },
    });
    expect(fake.completions(email)).toHaveLength(1);
  });

  it("item_complete ends the recurrence (the task is completed for good), as Todoist documents", async () => {
    const { email, client } = account();
    const task = fake.addTask(email, { content: "Water", due: { string: "every day" } });
    await client.sync({ commands: [{ type: "item_complete", uuid: `complete-${task.id}`, args: { id: task.id } }] });
    expect(fake.task(email, task.id)).toMatchObject({ checked: true });
    expect(fake.tasks(email)).toEqual([]);
  });

  it("fails the command, changing nothing, for a pattern the fake cannot advance", async () => {
    const { email, client } = account();
    const task = fake.addTask(email, {
      content: "Board meeting",
      due: { date: "2026-03-20", string: "every 3rd friday" },
    });
    const answer = await client.sync<SyncAnswer>({
      commands: [{ type: "item_close", uuid: "unsupported", args: { id: task.id } }],
    });
    expect(answer.body.sync_status?.unsupported).toMatchObject({
      error_tag: "INVALID_ARGUMENT_VALUE",
      error_extra: { explanation: expect.stringContaining("every 3rd friday") },
    });
    expect(fake.task(email, task.id)?.due?.date).toBe("2026-03-20");
  });
});
