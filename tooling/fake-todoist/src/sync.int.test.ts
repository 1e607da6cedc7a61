import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todoistClient } from "./client-for-tests.ts";
import { type FakeTodoist, startFakeTodoist } from "./start-fake-todoist.ts";
import type { TodoistError } from "./todoist-errors.ts";
import type { TodoistProject, TodoistTask } from "./todoist-types.ts";

let fake: FakeTodoist;

beforeAll(async () => {
  fake = await startFakeTodoist({ now: () => new Date("2026-03-04T10:00:00Z") });
});
afterAll(async () => {
  await fake.close();
});

type SyncAnswer = {
  sync_token: string;
  full_sync: boolean;
  items?: TodoistTask[];
  projects?: TodoistProject[];
  sections?: unknown[];
  labels?: unknown[];
  user?: Record<string, unknown>;
  sync_status?: Record<string, "ok" | TodoistError>;
  temp_id_mapping: Record<string, string>;
};

function account(email: string) {
  fake.addAccount({ email });
  return todoistClient(fake.url, fake.issueToken(email));
}

describe("sync_token: a full sync, then only changes", () => {
  it("returns every live object for '*', then exactly what changed since the token, flagged", async () => {
    const email = "sync@example.com";
    const client = account(email);
    const ids = fake.seed(email, {
      labels: ["errand"],
      projects: [
        { name: "Home", sections: ["Garden"], tasks: [{ content: "Mow" }, { content: "Rake" }, { content: "Sweep" }] },
      ],
    });
    const full = await client.sync<SyncAnswer>({ sync_token: "*", resource_types: ["all"] });
    expect(full.status).toBe(200);
    expect(full.body.full_sync).toBe(true);
    expect(full.body.items?.map((task) => task.content).sort()).toEqual(["Mow", "Rake", "Sweep"]);
    expect(full.body.projects?.map((project) => project.name).sort()).toEqual(["Home", "Inbox"]);
    expect(full.body.sections).toHaveLength(1);
    expect(full.body.labels).toHaveLength(1);
    expect(full.body.user).toMatchObject({ email });

    const quiet = await client.sync<SyncAnswer>({ sync_token: full.body.sync_token, resource_types: ["all"] });
    expect(quiet.body).toMatchObject({ full_sync: false, items: [], projects: [], sections: [], labels: [] });

    // Changes made in Todoist's app.
    fake.updateTask(email, ids.tasks.Mow as string, { content: "Mow the lawn" });
    fake.closeTask(email, ids.tasks.Rake as string);
    fake.deleteTask(email, ids.tasks.Sweep as string);
    const changes = await client.sync<SyncAnswer>({
      sync_token: quiet.body.sync_token,
      resource_types: ["items", "projects"],
    });
    expect(changes.body.full_sync).toBe(false);
    expect(changes.body.projects).toEqual([]);
    expect(changes.body.sections).toBeUndefined();
    const byId = new Map(changes.body.items?.map((task) => [task.id, task]));
    expect(byId.size).toBe(3);
    expect(byId.get(ids.tasks.Mow as string)).toMatchObject({
      content: "Mow the lawn",
      checked: false,
      is_deleted: false,
    });
    expect(byId.get(ids.tasks.Rake as string)).toMatchObject({ checked: true, completed_at: expect.any(String) });
    expect(byId.get(ids.tasks.Sweep as string)).toMatchObject({ is_deleted: true });

    // A new full sync leaves completed and deleted tasks out.
    const again = await client.sync<SyncAnswer>({ sync_token: "*", resource_types: ["items"] });
    expect(again.body.items?.map((task) => task.content)).toEqual(["Mow the lawn"]);
  });

  it("answers 400 INVALID_ARGUMENT_VALUE for a token it never issued to this account", async () => {
    const first = account("token-a@example.com");
    const token = (await first.sync<SyncAnswer>({ sync_token: "*", resource_types: ["items"] })).body.sync_token;
    const other = account("token-b@example.com");
    const answer = await other.sync({ sync_token: token, resource_types: ["items"] });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error_tag: "INVALID_ARGUMENT_VALUE", error_extra: { argument: "sync_token" } });
  });

  it("accepts the form encoding with JSON strings, as curl examples send it", async () => {
    const email = "form@example.com";
    account(email);
    fake.addTask(email, { content: "From a form" });
    const response = await fetch(`${fake.url}/api/v1/sync`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.issueToken(email)}` },
      body: new URLSearchParams({ sync_token: "*", resource_types: '["items"]' }),
    });
    const body = (await response.json()) as SyncAnswer;
    expect(body.items?.map((task) => task.content)).toEqual(["From a form"]);
  });
});

describe("commands", () => {
  it("applies a command once per uuid: a retried uuid answers ok again, with its temp_id mapping, and changes nothing", async () => {
    const email = "commands@example.com";
    const client = account(email);
    const commands = [
      { type: "project_add", uuid: "u-project", temp_id: "tmp-project", args: { name: "Errands" } },
      {
        type: "item_add",
        uuid: "u-item",
        temp_id: "tmp-item",
        args: {
          content: "Buy milk",
          project_id: "tmp-project",
          priority: 4,
          labels: ["shop"],
          due: { date: "2026-03-05" },
          duration: { amount: 15, unit: "minute" },
        },
      },
      { type: "item_add", uuid: "u-sub", temp_id: "tmp-sub", args: { content: "Oat milk", parent_id: "tmp-item" } },
    ];
    const first = await client.sync<SyncAnswer>({ commands, resource_types: ["items"], sync_token: "*" });
    expect(first.body.sync_status).toEqual({ "u-project": "ok", "u-item": "ok", "u-sub": "ok" });
    const mapping = first.body.temp_id_mapping;
    expect(Object.keys(mapping).sort()).toEqual(["tmp-item", "tmp-project", "tmp-sub"]);
    const item = first.body.items?.find((task) => task.id === mapping["tmp-item"]);
    expect(item).toMatchObject({
      project_id: mapping["tmp-project"],
      priority: 4,
      labels: ["shop"],
      due: { date: "2026-03-05", is_recurring: false },
      duration: { amount: 15, unit: "minute" },
    });
    expect(first.body.items?.find((task) => task.id === mapping["tmp-sub"])).toMatchObject({
      parent_id: mapping["tmp-item"],
      project_id: mapping["tmp-project"],
    });

    const retried = await client.sync<SyncAnswer>({
      commands,
      resource_types: ["items"],
      sync_token: first.body.sync_token,
    });
    expect(retried.body.sync_status).toEqual(first.body.sync_status);
    expect(retried.body.temp_id_mapping).toEqual(mapping);
    expect(retried.body.items).toEqual([]);
    expect(fake.tasks(email).filter((task) => task.content === "Buy milk")).toHaveLength(1);
    expect(fake.projects(email).filter((project) => project.name === "Errands")).toHaveLength(1);
  });

  it("updates, completes, reopens, moves and deletes; each change is seen by the next incremental sync", async () => {
    const email = "edits@example.com";
    const client = account(email);
    const ids = fake.seed(email, {
      projects: [
        { name: "A", tasks: [{ content: "Edit me", subTasks: [{ content: "Child" }] }, { content: "Finish me" }] },
        { name: "B" },
      ],
    });
    const start = (await client.sync<SyncAnswer>({ sync_token: "*", resource_types: ["items"] })).body.sync_token;
    const run = (type: string, uuid: string, args: Record<string, unknown>) =>
      client.sync<SyncAnswer>({ commands: [{ type, uuid, args }] });

    expect(
      (await run("item_update", "e1", { id: ids.tasks["Edit me"], content: "Edited", priority: 2 })).body.sync_status,
    ).toEqual({ e1: "ok" });
    expect(
      (await run("item_move", "e2", { id: ids.tasks["Edit me"], project_id: ids.projects.B })).body.sync_status,
    ).toEqual({ e2: "ok" });
    expect((await run("item_complete", "e3", { id: ids.tasks["Finish me"] })).body.sync_status).toEqual({ e3: "ok" });
    expect(fake.task(email, ids.tasks["Finish me"] as string)).toMatchObject({ checked: true });
    expect((await run("item_uncomplete", "e4", { id: ids.tasks["Finish me"] })).body.sync_status).toEqual({ e4: "ok" });
    expect(fake.task(email, ids.tasks["Finish me"] as string)).toMatchObject({ checked: false, completed_at: null });

    const changes = await client.sync<SyncAnswer>({ sync_token: start, resource_types: ["items"] });
    const byContent = new Map(changes.body.items?.map((task) => [task.content, task]));
    expect(byContent.get("Edited")).toMatchObject({ project_id: ids.projects.B, priority: 2 });
    expect(byContent.get("Child")).toMatchObject({ project_id: ids.projects.B, parent_id: ids.tasks["Edit me"] });
    expect(byContent.get("Finish me")).toMatchObject({ checked: false });

    expect((await run("item_delete", "e5", { id: ids.tasks["Edit me"] })).body.sync_status).toEqual({ e5: "ok" });
    expect(fake.tasks(email).map((task) => task.content)).toEqual(["Finish me"]);
  });

  it("reports a failed command in sync_status with Todoist's error object and still applies the others", async () => {
    const client = account("errors@example.com");
    const answer = await client.sync<SyncAnswer>({
      commands: [
        { type: "item_update", uuid: "bad-id", args: { id: "nope", content: "x" } },
        { type: "item_add", uuid: "no-content", temp_id: "t1", args: {} },
        { type: "item_add", uuid: "fine", temp_id: "t2", args: { content: "Fine" } },
        { type: "item_update", uuid: "bad-priority", args: { id: "t2", priority: 9 } },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.sync_status).toEqual({
      "bad-id": expect.objectContaining({ error_tag: "ITEM_NOT_FOUND", http_code: 404, error_code: 22 }),
      "no-content": expect.objectContaining({ error_tag: "ARGUMENT_MISSING", error_extra: { argument: "content" } }),
      fine: "ok",
      "bad-priority": expect.objectContaining({
        error_tag: "INVALID_ARGUMENT_VALUE",
        error_extra: { argument: "priority" },
      }),
    });
    expect(answer.body.temp_id_mapping).toEqual({ t2: expect.any(String) });
  });
});
