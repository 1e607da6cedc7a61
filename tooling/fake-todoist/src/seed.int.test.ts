import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todoistClient } from "./client-for-tests.ts";
import { seedDemoAccount } from "./seed-demo.ts";
import { type FakeTodoist, startFakeTodoist } from "./start-fake-todoist.ts";
import type { TodoistTask } from "./todoist-types.ts";

let fake: FakeTodoist;

beforeAll(async () => {
  fake = await startFakeTodoist({ now: () => new Date("2026-03-04T10:00:00Z") });
});
afterAll(async () => {
  await fake.close();
});

describe("the demo account of pnpm fake:todoist", () => {
  it("has every kind of thing an import must carry over", () => {
    const email = "demo@example.com";
    fake.addAccount({ email });
    const ids = seedDemoAccount(fake, email, new Date("2026-03-04T10:00:00Z"));
    const tasks = fake.tasks(email);
    expect(fake.projects(email).find((project) => project.name === "Website")?.parent_id).toBe(ids.projects.Work);
    expect(fake.sections(email).length).toBeGreaterThanOrEqual(3);
    expect(
      fake
        .labels(email)
        .map((label) => label.name)
        .sort(),
    ).toEqual(["deep-work", "errand", "waiting"]);
    expect(tasks.some((task) => task.parent_id)).toBe(true);
    expect(tasks.some((task) => task.deadline)).toBe(true);
    expect(tasks.some((task) => task.duration?.unit === "day")).toBe(true);
    expect(tasks.some((task) => task.due?.datetime)).toBe(true);
    expect(tasks.filter((task) => task.due?.is_recurring).map((task) => task.due?.string)).toEqual(
      expect.arrayContaining(["every weekday", "every! 3 days", "every monday"]),
    );
  });
});

describe("generate", () => {
  it("makes 3 projects / 200 tasks / 10 recurring with sub-tasks in the same project as their parent", () => {
    const email = "gen-200@example.com";
    fake.addAccount({ email });
    const { projectIds, taskIds } = fake.generate(email, { projects: 3, tasks: 200, recurring: 10 });
    const tasks = fake.tasks(email);
    expect(projectIds).toHaveLength(3);
    expect(taskIds).toHaveLength(200);
    expect(tasks.filter((task) => task.due?.is_recurring)).toHaveLength(10);
    const byId = new Map(tasks.map((task) => [task.id, task]));
    const subTasks = tasks.filter((task) => task.parent_id);
    expect(subTasks.length).toBeGreaterThan(0);
    for (const sub of subTasks) expect(byId.get(sub.parent_id as string)?.project_id).toBe(sub.project_id);
  });

  it("makes 5,000 tasks that one full sync returns", async () => {
    const email = "gen-5000@example.com";
    fake.addAccount({ email });
    fake.generate(email, { projects: 3, tasks: 5000, recurring: 10 });
    const client = todoistClient(fake.url, fake.issueToken(email));
    const full = await client.sync<{ items: TodoistTask[] }>({ sync_token: "*", resource_types: ["items"] });
    expect(full.body.items).toHaveLength(5000);
  });
});
