import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { startTestServer, type TestServer } from "@agendacraft/server/testing";
import { personWithToken } from "@agendacraft/server/testing/rest";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type ApiClient, createApiClient } from "./create-api-client.ts";
import type { components } from "./generated/agendacraft-api.d.ts";

type RestError = components["schemas"]["Error"];

/** The seed's flow, through a client generated from the OpenAPI document by openapi-typescript + openapi-fetch. */
describe("a client generated from the OpenAPI document", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let client: ApiClient;

  beforeAll(async () => {
    // The server's clock stands at 2026-06-01T09:00:00Z.
    server = await startTestServer({ db: database().prisma });
    const { token } = await personWithToken(server.url, "Generated Client");
    client = createApiClient({ baseUrl: server.url, token });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("creates tasks in a project, lists them by project and completes one", async () => {
    const project = await client.POST("/api/v1/projects/", { body: { name: "Launch" } });
    expect(project.response.status).toBe(201);
    const projectId = project.data?.id ?? "";
    expect(project.data).toMatchObject({ id: expect.any(String), name: "Launch" });

    const write = await client.POST("/api/v1/tasks/", {
      body: { summary: "Write the announcement", minutes: 45, priority: 2, project_id: projectId },
    });
    const review = await client.POST("/api/v1/tasks/", { body: { summary: "Review it", project_id: projectId } });
    await client.POST("/api/v1/tasks/", { body: { summary: "Not in the project" } });
    expect(write.response.status).toBe(201);
    expect(write.data).toMatchObject({ summary: "Write the announcement", minutes: 45, priority: 2 });
    expect(review.data).toMatchObject({ project_id: projectId, minutes: 30, priority: 0 });

    const listed = await client.GET("/api/v1/tasks/", { params: { query: { project_id: projectId } } });
    expect(listed.response.status).toBe(200);
    expect(listed.data?.map((task) => task.summary)).toEqual(["Write the announcement", "Review it"]);

    const completed = await client.POST("/api/v1/tasks/{id}/complete/", {
      params: { path: { id: write.data?.id ?? "" } },
    });
    expect(completed.response.status).toBe(200);
    expect(completed.data?.task.completed_at).toEqual(expect.any(String));
    expect(completed.data?.next).toBeNull();

    const open = await client.GET("/api/v1/tasks/", { params: { query: { project_id: projectId } } });
    expect(open.data?.map((task) => task.summary)).toEqual(["Review it"]);
    const done = await client.GET("/api/v1/tasks/", {
      params: { query: { project_id: projectId, is_complete: "true" } },
    });
    expect(done.data?.map((task) => task.summary)).toEqual(["Write the announcement"]);
  });

  it("completes a daily task and gets its next occurrence", async () => {
    const created = await client.POST("/api/v1/tasks/", {
      body: { summary: "Water the plants", recurrence: "FREQ=DAILY", due_at: "2026-06-01T17:00:00Z" },
    });
    expect(created.response.status).toBe(201);
    expect(created.data?.recurrence).toBe("FREQ=DAILY");

    const completed = await client.POST("/api/v1/tasks/{id}/complete/", {
      params: { path: { id: created.data?.id ?? "" } },
    });
    expect(completed.response.status).toBe(200);
    const next = completed.data?.next;
    expect(next).toMatchObject({
      summary: "Water the plants",
      recurrence: "FREQ=DAILY",
      due_at: "2026-06-02T17:00:00.000Z",
      completed_at: null,
      previous_id: created.data?.id,
    });
    const fetched = await client.GET("/api/v1/tasks/{id}/", { params: { path: { id: next?.id ?? "" } } });
    expect(fetched.data).toEqual(next);
  });

  it("gets the document's Error type for invalid input and a missing task", async () => {
    const invalid = await client.POST("/api/v1/tasks/", { body: { summary: "Negative minutes", minutes: -5 } });
    expectTypeOf(invalid.error).toEqualTypeOf<RestError | undefined>();
    expect(invalid.response.status).toBe(400);
    expect(invalid.data).toBeUndefined();
    expect(invalid.error?.error.code).toBe("common.invalid_input");
    expect(invalid.error?.error.details?.fields).toEqual({ minutes: [expect.any(String)] });

    const missing = await client.GET("/api/v1/tasks/{id}/", { params: { path: { id: randomUUID() } } });
    expectTypeOf(missing.error).toEqualTypeOf<RestError | undefined>();
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error).toMatchObject({ code: "scheduler.task_not_found", details: null });
    expect(missing.error?.error.message).toEqual(expect.any(String));
  });
});
