import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTodoistClient, staticTodoistAuth, type TodoistAuth } from "./todoist-client.ts";
import {
  TodoistAuthError,
  TodoistRateLimitError,
  TodoistRejectedError,
  TodoistUnavailableError,
} from "./todoist-request-errors.ts";

let fake: FakeTodoist;

beforeAll(async () => {
  fake = await startFakeTodoist();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.clearFaults();
  fake.clearRequests();
});

function client(auth: TodoistAuth = staticTodoistAuth(fake.issueToken()), backoffMs = 1) {
  return createTodoistClient({ apiOrigin: fake.url, auth, backoffMs });
}

describe("the Todoist client", () => {
  it("reads the user and a full sync, and counts its requests", async () => {
    fake.seed(fake.defaultEmail, { projects: [{ name: "Work", tasks: [{ content: "Write report" }] }] });
    const todoist = client();
    const user = await todoist.getUser();
    expect(user.email).toBe(fake.defaultEmail);
    const answer = await todoist.sync({ syncToken: "*", resourceTypes: ["projects", "items"] });
    expect(answer.full_sync).toBe(true);
    expect(answer.projects.map((project) => project.name)).toContain("Work");
    expect(answer.items.map((item) => item.content)).toContain("Write report");
    expect(todoist.requestCount).toBe(2);
  });

  it("waits out a short Retry-After and then succeeds", async () => {
    fake.failNext({ status: 429, retryAfter: 0 });
    const todoist = client();
    await expect(todoist.getUser()).resolves.toMatchObject({ email: fake.defaultEmail });
    expect(todoist.requestCount).toBe(2);
  });

  it("passes on a Retry-After longer than it waits for", async () => {
    fake.failNext({ status: 429, retryAfter: 120 });
    const failure = await client()
      .getUser()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TodoistRateLimitError);
    expect((failure as TodoistRateLimitError).retryAfterSeconds).toBe(120);
  });

  it("backs off after a 5xx, and gives up after its attempts", async () => {
    fake.failNext({ status: 503, times: 2 });
    await expect(client().getUser()).resolves.toMatchObject({ email: fake.defaultEmail });

    fake.failNext({ status: 500, times: 3 });
    await expect(client().getUser()).rejects.toBeInstanceOf(TodoistUnavailableError);
  });

  it("refreshes once after a 401, and reports a token that stays refused", async () => {
    const refused = "not-a-token";
    const good = fake.issueToken();
    let refreshes = 0;
    const refreshing: TodoistAuth = {
      token: async () => refused,
      refresh: async () => {
        refreshes += 1;
        return good;
      },
    };
    await expect(client(refreshing).getUser()).resolves.toMatchObject({ email: fake.defaultEmail });
    expect(refreshes).toBe(1);

    await expect(client(staticTodoistAuth(refused)).getUser()).rejects.toBeInstanceOf(TodoistAuthError);
  });

  it("names Todoist's error tag when it rejects a request", async () => {
    const failure = await client()
      .sync({ syncToken: "not-a-sync-token", resourceTypes: ["items"] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TodoistRejectedError);
    expect((failure as TodoistRejectedError).tag).toBe("INVALID_ARGUMENT_VALUE");
  });
});
