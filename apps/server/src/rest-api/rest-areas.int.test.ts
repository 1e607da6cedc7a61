import { useTestDatabase } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personWithToken, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";

const UNKNOWN_ID = "0190a6a4-0000-7000-8000-000000000000";
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

type Area = { id: string; name: string };

describe("REST API v1: areas", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let person: Awaited<ReturnType<typeof personWithToken>>;
  const call = (method: string, path: string, body?: unknown) =>
    restCall(server.url, method, path, { token: person.token, body });

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, clock: fixedClock("2026-03-20T08:00:00Z") });
    person = await personWithToken(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("creates an area: 201, its Location, snake_case fields; GET and the list add task counts", async () => {
    const created = await call("POST", "/api/v1/areas/", { name: "Work", color: "#16a34a" });
    expect(created.status).toBe(201);
    const area = created.body as Record<string, unknown>;
    expect(created.headers.get("location")).toBe(`/api/v1/areas/${area.id}/`);
    expect(area).toEqual({
      id: expect.any(String),
      name: "Work",
      color: "#16A34A",
      order: 1,
      todoist_id: null,
      created_at: expect.stringMatching(INSTANT),
      updated_at: expect.stringMatching(INSTANT),
    });

    const project = await call("POST", "/api/v1/projects/", { name: "Hiring", area_id: area.id });
    await call("POST", "/api/v1/tasks/", { summary: "Through the project", project_id: (project.body as Area).id });
    await call("POST", "/api/v1/tasks/", { summary: "Directly", area_id: area.id });

    const fetched = await call("GET", `/api/v1/areas/${area.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ ...area, open_tasks: 2, done_tasks: 0 });

    const listed = await call("GET", "/api/v1/areas/");
    expect(listed.status).toBe(200);
    expect(listed.headers.get("link")).toBeNull();
    expect(listed.body).toEqual([{ ...area, open_tasks: 2, done_tasks: 0 }]);
  });

  it("changes only the fields sent", async () => {
    const area = (await call("POST", "/api/v1/areas/", { name: "Home", color: "#DC2626" })).body as Area;
    const renamed = await call("PATCH", `/api/v1/areas/${area.id}/`, { name: "House" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: area.id, name: "House", color: "#DC2626" });
  });

  it("deletes an area: 204, its projects stay without it, then 404", async () => {
    const area = (await call("POST", "/api/v1/areas/", { name: "Side gigs" })).body as Area;
    const project = (await call("POST", "/api/v1/projects/", { name: "Logo job", area_id: area.id })).body as Area;

    const deleted = await call("DELETE", `/api/v1/areas/${area.id}/`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await call("GET", `/api/v1/projects/${project.id}/`)).body).toMatchObject({ area_id: null });

    const again = await call("GET", `/api/v1/areas/${area.id}/`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: { code: "scheduler.area_not_found" } });
  });

  it("answers 404 for an unknown area and for another person's", async () => {
    const other = await personWithToken(server.url, "Someone Else");
    const theirs = await restCall(server.url, "POST", "/api/v1/areas/", {
      token: other.token,
      body: { name: "Private" },
    });
    for (const id of [UNKNOWN_ID, (theirs.body as Area).id]) {
      for (const [method, body] of [["GET"], ["PATCH", { name: "Mine now" }], ["DELETE"]] as const) {
        const response = await call(method, `/api/v1/areas/${id}/`, body);
        expect(response.status, `${method} ${id}`).toBe(404);
        expect(response.body).toMatchObject({ error: { code: "scheduler.area_not_found" } });
      }
    }
  });

  it("answers 400 with the fields at fault", async () => {
    const invalid = await call("POST", "/api/v1/areas/", { name: "", color: "green" });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      error: {
        code: "common.invalid_input",
        details: { fields: { name: expect.any(Array), color: expect.any(Array) } },
      },
    });
    const badQuery = await call("GET", "/api/v1/areas/?limit=1000");
    expect(badQuery.status).toBe(400);
    expect(badQuery.body).toMatchObject({ error: { details: { fields: { limit: expect.any(Array) } } } });
  });
});
