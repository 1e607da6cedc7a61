import { useTestDatabase } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN } from "../testing/http.ts";
import { personWithToken, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";

/** The requests the original AgendaCraft backend's clients send, verbatim. */
describe("REST API v1: the contract requests", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let person: Awaited<ReturnType<typeof personWithToken>>;
  const call = (method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) =>
    restCall(server.url, method, path, { token: person.token, ...options });

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, clock: fixedClock("2026-03-20T08:00:00Z") });
    person = await personWithToken(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("creates a task: 201, Location, and the task in snake_case", async () => {
    const created = await call("POST", "/api/v1/tasks/", { body: { summary: "New task", minutes: 45, priority: 2 } });
    expect(created.status).toBe(201);
    const task = created.body as Record<string, unknown>;
    expect(created.headers.get("location")).toBe(`/api/v1/tasks/${task.id}/`);
    expect(task).toMatchObject({
      summary: "New task",
      minutes: 45,
      priority: 2,
      description: "",
      project_id: null,
      area_id: null,
      planner_id: null,
      start_time: null,
      end_time: null,
      due_at: null,
      completed_at: null,
      recurrence: null,
    });
    expect(task.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Object.keys(task)).toEqual(expect.arrayContaining(["order", "updated_at"]));

    const fetched = await call("GET", `/api/v1/tasks/${task.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(task);
  });

  it("lists one project's open tasks only, with and without the trailing slash", async () => {
    const project = await call("POST", "/api/v1/projects/", { body: { name: "Launch" } });
    expect(project.status).toBe(201);
    const projectId = (project.body as { id: string }).id;
    const inProject = await call("POST", "/api/v1/tasks/", { body: { summary: "Write post", project_id: projectId } });
    const done = await call("POST", "/api/v1/tasks/", { body: { summary: "Old one", project_id: projectId } });
    await call("POST", "/api/v1/tasks/", { body: { summary: "Elsewhere" } });
    const completed = await call("POST", `/api/v1/tasks/${(done.body as { id: string }).id}/complete/`);
    expect(completed.status).toBe(200);

    for (const path of [`/api/v1/tasks/?project_id=${projectId}`, `/api/v1/tasks?project_id=${projectId}`]) {
      const listed = await call("GET", path);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([expect.objectContaining({ id: (inProject.body as { id: string }).id })]);
    }
    const closed = await call("GET", `/api/v1/tasks/?project_id=${projectId}&is_complete=true`);
    expect((closed.body as { summary: string }[]).map((task) => task.summary)).toEqual(["Old one"]);
  });

  it("pages with limit and a Link header to the next page", async () => {
    const seen: string[] = [];
    let path: string | null = "/api/v1/tasks/?limit=2";
    while (path) {
      const page = await call("GET", path);
      expect(page.status).toBe(200);
      seen.push(...(page.body as { id: string }[]).map((task) => task.id));
      const link = page.headers.get("link");
      path = link ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it("answers every failure as {error: {message, code, details}}", async () => {
    const invalid = await call("POST", "/api/v1/tasks/", { body: { summary: "", minutes: 0, projectId: "x" } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      error: {
        code: "common.invalid_input",
        details: { fields: expect.objectContaining({ summary: expect.any(Array) }) },
      },
    });

    const missing = await call("GET", "/api/v1/tasks/0190a6a4-0000-7000-8000-000000000000/");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "scheduler.task_not_found" } });

    const noRoute = await call("GET", "/api/v1/nothing-here/");
    expect(noRoute.status).toBe(404);
    expect(noRoute.body).toMatchObject({ error: { code: "common.not_found" } });

    const notJson = await fetch(`${server.url}/api/v1/tasks/`, {
      method: "POST",
      headers: { authorization: `Bearer ${person.token}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: expect.stringMatching(/^common\./) } });
  });

  it("accepts only a bearer token: a session cookie acts as nobody here", async () => {
    const anonymous = await restCall(server.url, "GET", "/api/v1/tasks/");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(anonymous.body).toMatchObject({ error: { code: "common.unauthorized" } });

    const byCookie = await restCall(server.url, "GET", "/api/v1/tasks/", {
      headers: { cookie: person.cookie, origin: APP_ORIGIN },
    });
    expect(byCookie.status).toBe(401);

    // Who is calling is checked before the input: no token, no lesson in the body's rules.
    const anonymousInvalid = await restCall(server.url, "POST", "/api/v1/tasks/", { body: { minutes: "many" } });
    expect(anonymousInvalid.status).toBe(401);
  });

  it("serves the OpenAPI document and the documentation page", async () => {
    const document = await restCall(server.url, "GET", "/api/v1/openapi.json");
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({
      openapi: "3.1.0",
      paths: expect.objectContaining({ "/api/v1/tasks/": expect.anything() }),
    });
    const page = await fetch(`${server.url}/api/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("swagger-ui");
  });
});
