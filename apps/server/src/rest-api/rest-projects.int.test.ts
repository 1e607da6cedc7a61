import { useTestDatabase } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personWithToken, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";

const NOW = "2026-03-20T08:00:00.000Z";
const UNKNOWN_ID = "0190a6a4-0000-7000-8000-000000000000";

type Project = { id: string; name: string; archived_at: string | null; area_id: string | null };

describe("REST API v1: projects", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let person: Awaited<ReturnType<typeof personWithToken>>;
  const call = (method: string, path: string, body?: unknown) =>
    restCall(server.url, method, path, { token: person.token, body });
  const create = async (body: Record<string, unknown>) => {
    const created = await call("POST", "/api/v1/projects/", body);
    expect(created.status).toBe(201);
    return created.body as Project;
  };
  const listNames = async (query = "") => {
    const listed = await call("GET", `/api/v1/projects/${query}`);
    expect(listed.status).toBe(200);
    return (listed.body as Project[]).map((project) => project.name);
  };

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, clock: fixedClock(NOW) });
    person = await personWithToken(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("creates a project: 201, its Location, snake_case fields; GET adds its task counts", async () => {
    const created = await call("POST", "/api/v1/projects/", { name: "Launch", color: "#2563eb" });
    expect(created.status).toBe(201);
    const project = created.body as Record<string, unknown>;
    expect(created.headers.get("location")).toBe(`/api/v1/projects/${project.id}/`);
    expect(project).toEqual({
      id: expect.any(String),
      name: "Launch",
      color: "#2563EB",
      area_id: null,
      order: expect.any(Number),
      archived_at: null,
      todoist_id: null,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });

    await call("POST", "/api/v1/tasks/", { summary: "Write the post", project_id: project.id });
    const fetched = await call("GET", `/api/v1/projects/${project.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ ...project, open_tasks: 1, done_tasks: 0 });
  });

  it("changes only the fields sent, and moves a project into and out of an area", async () => {
    const area = await call("POST", "/api/v1/areas/", { name: "Work" });
    const areaId = (area.body as { id: string }).id;
    const project = await create({ name: "Hiring", area_id: areaId });
    expect(project.area_id).toBe(areaId);
    expect(await listNames(`?area_id=${areaId}`)).toEqual(["Hiring"]);
    expect(await listNames("?without_area=true")).not.toContain("Hiring");

    const renamed = await call("PATCH", `/api/v1/projects/${project.id}/`, { name: "Hiring 2027" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Hiring 2027", area_id: areaId });

    const moved = await call("PATCH", `/api/v1/projects/${project.id}/`, { area_id: null });
    expect(moved.body).toMatchObject({ name: "Hiring 2027", area_id: null });
    expect(await listNames("?without_area=true")).toContain("Hiring 2027");
    expect(await listNames(`?area_id=${areaId}`)).toEqual([]);
  });

  it("archives and unarchives: archived projects leave the default list", async () => {
    const project = await create({ name: "Old launch" });
    const archived = await call("POST", `/api/v1/projects/${project.id}/archive/`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: project.id, archived_at: NOW });
    expect(await listNames()).not.toContain("Old launch");
    expect(await listNames("?include_archived=true")).toContain("Old launch");

    const unarchived = await call("POST", `/api/v1/projects/${project.id}/unarchive`);
    expect(unarchived.status).toBe(200);
    expect(unarchived.body).toMatchObject({ id: project.id, archived_at: null });
    expect(await listNames()).toContain("Old launch");
  });

  it("deletes a project with its tasks: 204, then 404", async () => {
    const project = await create({ name: "Doomed" });
    const task = await call("POST", "/api/v1/tasks/", { summary: "Goes too", project_id: project.id });

    const deleted = await call("DELETE", `/api/v1/projects/${project.id}/`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();

    for (const path of [`/api/v1/projects/${project.id}/`, `/api/v1/tasks/${(task.body as { id: string }).id}/`]) {
      expect((await call("GET", path)).status).toBe(404);
    }
    const again = await call("DELETE", `/api/v1/projects/${project.id}/`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: { code: "scheduler.project_not_found" } });
  });

  it("answers 404 for an unknown project, and for another person's", async () => {
    const other = await personWithToken(server.url, "Someone Else");
    const theirs = await restCall(server.url, "POST", "/api/v1/projects/", {
      token: other.token,
      body: { name: "Private" },
    });
    for (const id of [UNKNOWN_ID, (theirs.body as { id: string }).id]) {
      for (const [method, path] of [
        ["GET", `/api/v1/projects/${id}/`],
        ["PATCH", `/api/v1/projects/${id}/`],
        ["POST", `/api/v1/projects/${id}/archive/`],
        ["DELETE", `/api/v1/projects/${id}/`],
      ] as const) {
        const response = await call(method, path, method === "PATCH" ? { name: "Mine now" } : undefined);
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.body).toMatchObject({ error: { code: "scheduler.project_not_found" } });
      }
    }
    expect(
      (
        await restCall(server.url, "GET", `/api/v1/projects/${(theirs.body as { id: string }).id}/`, {
          token: other.token,
        })
      ).body,
    ).toMatchObject({ name: "Private" });
  });

  it("answers 400 with the fields at fault, in REST names", async () => {
    const invalid = await call("POST", "/api/v1/projects/", { name: " ", color: "blue" });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      error: {
        code: "common.invalid_input",
        details: { fields: { name: expect.any(Array), color: ["Use a color like #2563EB"] } },
      },
    });

    const camelCase = await call("POST", "/api/v1/projects/", { name: "Fine", areaId: UNKNOWN_ID });
    expect(camelCase.status).toBe(400);
    expect(camelCase.body).toMatchObject({ error: { details: { fields: { "(body)": expect.any(Array) } } } });

    const badId = await call("GET", "/api/v1/projects/not-a-uuid/");
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ error: { details: { fields: { id: ["Give the id as a UUID"] } } } });

    for (const query of ["?include_archived=yes", "?area_id=x", "?includeArchived=true", "?limit=0"]) {
      const response = await call("GET", `/api/v1/projects/${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({ error: { code: "common.invalid_input" } });
    }
  });

  it("pages the list with limit and a Link header", async () => {
    for (const name of ["Page A", "Page B", "Page C"]) await create({ name });
    const seen: string[] = [];
    let path: string | null = "/api/v1/projects/?limit=2&include_archived=true";
    while (path) {
      const page = await call("GET", path);
      expect(page.status).toBe(200);
      expect((page.body as Project[]).length).toBeLessThanOrEqual(2);
      seen.push(...(page.body as Project[]).map((project) => project.id));
      const link = page.headers.get("link");
      path = link ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });
});
