import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todoistClient } from "./client-for-tests.ts";
import { type FakeTodoist, startFakeTodoist } from "./start-fake-todoist.ts";

let fake: FakeTodoist;

beforeAll(async () => {
  fake = await startFakeTodoist();
});
afterAll(async () => {
  await fake.close();
});

describe("failNext", () => {
  it("answers 429 with Retry-After and Todoist's error object, then serves the retry", async () => {
    const client = todoistClient(fake.url, fake.issueToken());
    fake.failNext({ status: 429, retryAfter: 7 });
    const limited = await client.sync({ sync_token: "*", resource_types: ["items"] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body).toMatchObject({ http_code: 429, error_extra: { retry_after: 7 } });

    const retried = await client.sync({ sync_token: "*", resource_types: ["items"] });
    expect(retried.status).toBe(200);
  });

  it("fails only matching paths, as many times as asked, with a 5xx", async () => {
    const client = todoistClient(fake.url, fake.issueToken());
    fake.failNext({ status: 503, path: "/api/v1/tasks", times: 2 });
    expect((await client.get("/api/v1/projects")).status).toBe(200);
    const first = await client.get("/api/v1/tasks");
    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({ http_code: 503, error_tag: "SERVICE_UNAVAILABLE" });
    expect((await client.get("/api/v1/tasks")).status).toBe(503);
    expect((await client.get("/api/v1/tasks")).status).toBe(200);
  });
});

describe("the request log", () => {
  it("records each request with its status and, for sync, the command types", async () => {
    const client = todoistClient(fake.url, fake.issueToken());
    fake.clearRequests();
    await client.sync({ commands: [{ type: "item_add", uuid: "log-1", temp_id: "t", args: { content: "Logged" } }] });
    await client.get("/api/v1/tasks?limit=5");
    expect(fake.requests).toEqual([
      expect.objectContaining({ method: "POST", path: "/api/v1/sync", status: 200, commands: ["item_add"] }),
      expect.objectContaining({ method: "GET", path: "/api/v1/tasks", query: { limit: "5" }, status: 200 }),
    ]);
  });
});
