import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todoistClient } from "./client-for-tests.ts";
import { type FakeTodoist, startFakeTodoist } from "./start-fake-todoist.ts";
import type { TodoistTask } from "./todoist-types.ts";

let fake: FakeTodoist;
const EMAIL = "grace@example.com";

beforeAll(async () => {
  fake = await startFakeTodoist({ now: () => new Date("2026-03-04T10:00:00Z") });
  fake.addAccount({ email: EMAIL, fullName: "Grace Hopper", timezone: "Europe/Berlin" });
});
afterAll(async () => {
  await fake.close();
});

type Page<T> = { results: T[]; next_cursor: string | null };

describe("bearer authentication", () => {
  it("answers 401 with Todoist's error object for a missing or unknown token, and the user for a good one", async () => {
    const missing = await fetch(`${fake.url}/api/v1/user`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error_tag: "AUTH_INVALID_TOKEN", http_code: 401 });
    const wrong = await todoistClient(fake.url, "0".repeat(40)).get("/api/v1/projects");
    expect(wrong.status).toBe(401);

    const token = fake.issueToken(EMAIL);
    expect(token).toMatch(/^[0-9a-f]{40}$/);
    const user = await todoistClient(fake.url, token).get("/api/v1/user");
    expect(user.status).toBe(200);
    expect(user.body).toMatchObject({
      email: EMAIL,
      full_name: "Grace Hopper",
      tz_info: { timezone: "Europe/Berlin" },
    });
    expect(user.body.inbox_project_id).toEqual(expect.any(String));
  });

  it("keeps one account's data from another's token", async () => {
    fake.addAccount({ email: "other@example.com" });
    fake.addTask("other@example.com", { content: "Private" });
    const graceTasks = await todoistClient(fake.url, fake.issueToken(EMAIL)).get<Page<TodoistTask>>("/api/v1/tasks");
    expect(graceTasks.body.results.map((task) => task.content)).not.toContain("Private");
  });
});

describe("projects, sections and labels", () => {
  it("serves the seeded hierarchy with v1 field names", async () => {
    const ids = fake.seed(EMAIL, {
      labels: ["deep-work"],
      projects: [
        {
          name: "Work",
          sections: ["Now"],
          children: [{ name: "Website" }],
          tasks: [{ content: "Report", section: "Now", labels: ["deep-work"], subTasks: [{ content: "Numbers" }] }],
        },
      ],
    });
    const client = todoistClient(fake.url, fake.issueToken(EMAIL));
    const projects = await client.get<Page<Record<string, unknown>>>("/api/v1/projects");
    expect(projects.body.next_cursor).toBeNull();
    expect(projects.body.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Inbox", inbox_project: true, parent_id: null }),
        expect.objectContaining({ id: ids.projects.Work, name: "Work", parent_id: null }),
        expect.objectContaining({ name: "Website", parent_id: ids.projects.Work }),
      ]),
    );
    const sections = await client.get<Page<Record<string, unknown>>>(
      `/api/v1/sections?project_id=${ids.projects.Work}`,
    );
    expect(sections.body.results).toEqual([expect.objectContaining({ name: "Now", project_id: ids.projects.Work })]);
    const labels = await client.get<Page<Record<string, unknown>>>("/api/v1/labels");
    expect(labels.body.results).toEqual([expect.objectContaining({ name: "deep-work", is_favorite: false })]);

    const sub = await client.get<TodoistTask>(`/api/v1/tasks/${ids.tasks.Numbers}`);
    expect(sub.body).toMatchObject({
      parent_id: ids.tasks.Report,
      section_id: ids.sections["Work/Now"],
      checked: false,
    });
  });
});

describe("GET /api/v1/tasks pages", () => {
  it("walks every open task once with limit and next_cursor, even when tasks change between pages", async () => {
    const email = "pages@example.com";
    fake.addAccount({ email });
    fake.generate(email, { projects: 3, tasks: 250, recurring: 10 });
    const client = todoistClient(fake.url, fake.issueToken(email));

    const first = await client.get<Page<TodoistTask>>("/api/v1/tasks?limit=100");
    expect(first.body.results).toHaveLength(100);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    // A task added meanwhile comes at the end; one completed meanwhile is simply not served.
    fake.addTask(email, { content: "Added between pages" });
    const seen = new Set(first.body.results.map((task) => task.id));
    let cursor = first.body.next_cursor;
    while (cursor) {
      const next = await client.get<Page<TodoistTask>>(`/api/v1/tasks?limit=100&cursor=${encodeURIComponent(cursor)}`);
      for (const task of next.body.results) {
        expect(seen.has(task.id)).toBe(false);
        seen.add(task.id);
      }
      cursor = next.body.next_cursor;
    }
    expect(seen.size).toBe(251);

    const defaultPage = await client.get<Page<TodoistTask>>("/api/v1/tasks");
    expect(defaultPage.body.results).toHaveLength(50);
  });

  it("filters by project and rejects a limit over 200 with INVALID_ARGUMENT_VALUE", async () => {
    const email = "filters@example.com";
    fake.addAccount({ email });
    const { projectIds } = fake.generate(email, { projects: 2, tasks: 10, recurring: 0 });
    const client = todoistClient(fake.url, fake.issueToken(email));
    const inFirst = await client.get<Page<TodoistTask>>(`/api/v1/tasks?project_id=${projectIds[0]}`);
    expect(inFirst.body.results).toHaveLength(5);
    expect(new Set(inFirst.body.results.map((task) => task.project_id))).toEqual(new Set([projectIds[0]]));

    const tooMany = await client.get("/api/v1/tasks?limit=201");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error_tag: "INVALID_ARGUMENT_VALUE", error_extra: { argument: "limit" } });
  });
});

describe("GET /api/v1/tasks/completed/by_completion_date", () => {
  it("lists completions in the window, paged as { items, next_cursor }, and requires since and until", async () => {
    const email = "completed@example.com";
    fake.addAccount({ email });
    const { taskIds } = fake.generate(email, { projects: 1, tasks: 5, recurring: 0, subTaskEvery: 0 });
    for (const id of taskIds.slice(0, 3)) fake.closeTask(email, id);
    const client = todoistClient(fake.url, fake.issueToken(email));

    const window = "since=2026-03-01T00:00:00Z&until=2026-03-05T00:00:00Z";
    const first = await client.get<{ items: TodoistTask[]; next_cursor: string | null }>(
      `/api/v1/tasks/completed/by_completion_date?${window}&limit=2`,
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({
      checked: true,
      completed_at: expect.stringMatching(/^2026-03-04T10:00/),
    });
    const second = await client.get<{ items: TodoistTask[]; next_cursor: string | null }>(
      `/api/v1/tasks/completed/by_completion_date?${window}&limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(second.body.items.map((task) => task.id)).toEqual([taskIds[2]]);
    expect(second.body.next_cursor).toBeNull();

    const outside = await client.get<{ items: TodoistTask[] }>(
      "/api/v1/tasks/completed/by_completion_date?since=2026-02-01T00:00:00Z&until=2026-02-05T00:00:00Z",
    );
    expect(outside.body.items).toEqual([]);
    const missing = await client.get("/api/v1/tasks/completed/by_completion_date");
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error_tag: "ARGUMENT_MISSING", error_extra: { argument: "since" } });
  });
});
