import { useTestDatabase } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personWithToken, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";

const UNKNOWN_ID = "0190a6a4-0000-7000-8000-000000000000";
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const WEEKDAY_MORNINGS = {
  name: "Weekday mornings",
  recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  start_date: "2026-03-20",
  start_time: "09:00",
  minutes: 180,
  time_zone: "Europe/Berlin",
};
/** Friday before and Tuesday after the switch to summer time in Berlin (2026-03-29). */
const ACROSS_DST = "from=2026-03-27T00:00:00%2B01:00&to=2026-03-31T00:00:00%2B02:00";

type Planner = { id: string; version: number };

describe("REST API v1: planners and their windows", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let person: Awaited<ReturnType<typeof personWithToken>>;
  const call = (method: string, path: string, body?: unknown) =>
    restCall(server.url, method, path, { token: person.token, body });
  const createPlanner = async (body: Record<string, unknown> = WEEKDAY_MORNINGS) => {
    const created = await call("POST", "/api/v1/planners/", body);
    expect(created.status).toBe(201);
    return created.body as Planner;
  };

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, clock: fixedClock("2026-03-20T08:00:00Z") });
    person = await personWithToken(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("creates a planner: 201, its Location, snake_case fields; GET and the list answer the same", async () => {
    const created = await call("POST", "/api/v1/planners/", WEEKDAY_MORNINGS);
    expect(created.status).toBe(201);
    const planner = created.body as Record<string, unknown>;
    expect(created.headers.get("location")).toBe(`/api/v1/planners/${planner.id}/`);
    expect(planner).toEqual({
      id: expect.any(String),
      ...WEEKDAY_MORNINGS,
      active: true,
      version: expect.any(Number),
      created_at: expect.stringMatching(INSTANT),
      updated_at: expect.stringMatching(INSTANT),
    });
    expect((await call("GET", `/api/v1/planners/${planner.id}`)).body).toEqual(planner);
    expect((await call("GET", "/api/v1/planners/")).body).toContainEqual(planner);
  });

  it("lists a planner's windows in UTC, in its own zone's hours across a DST change", async () => {
    const planner = await createPlanner();
    const windows = await call("GET", `/api/v1/planners/${planner.id}/windows/?${ACROSS_DST}`);
    expect(windows.status).toBe(200);
    expect(windows.body).toEqual([
      { planner_id: planner.id, start: "2026-03-27T08:00:00.000Z", end: "2026-03-27T11:00:00.000Z" },
      { planner_id: planner.id, start: "2026-03-30T07:00:00.000Z", end: "2026-03-30T10:00:00.000Z" },
    ]);
  });

  it("changes only the fields sent; a paused planner's windows show only when asked for by id", async () => {
    const planner = await createPlanner({ ...WEEKDAY_MORNINGS, name: "Evenings", start_time: "18:00", minutes: 60 });
    const paused = await call("PATCH", `/api/v1/planners/${planner.id}/`, { active: false });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ name: "Evenings", start_time: "18:00", active: false });
    expect((paused.body as Planner).version).toBeGreaterThan(planner.version);

    const mine = await call("GET", `/api/v1/planners/${planner.id}/windows/?${ACROSS_DST}`);
    expect((mine.body as { start: string }[]).map((window) => window.start)).toEqual([
      "2026-03-27T17:00:00.000Z",
      "2026-03-30T16:00:00.000Z",
    ]);
    const everyActive = await call("GET", `/api/v1/planners/windows/?${ACROSS_DST}`);
    expect(everyActive.status).toBe(200);
    const plannerIds = (everyActive.body as { planner_id: string }[]).map((window) => window.planner_id);
    expect(plannerIds.length).toBeGreaterThan(0);
    expect(plannerIds).not.toContain(planner.id);
  });

  it("deletes a planner: 204, then 404 for it and its windows", async () => {
    const planner = await createPlanner();
    const deleted = await call("DELETE", `/api/v1/planners/${planner.id}/`);
    expect(deleted.status).toBe(204);
    for (const path of [`/api/v1/planners/${planner.id}/`, `/api/v1/planners/${planner.id}/windows/?${ACROSS_DST}`]) {
      const gone = await call("GET", path);
      expect(gone.status, path).toBe(404);
      expect(gone.body).toMatchObject({ error: { code: "scheduler.planner_not_found" } });
    }
  });

  it("answers 404 for an unknown planner and for another person's", async () => {
    const other = await personWithToken(server.url, "Someone Else");
    const theirs = await restCall(server.url, "POST", "/api/v1/planners/", {
      token: other.token,
      body: WEEKDAY_MORNINGS,
    });
    for (const id of [UNKNOWN_ID, (theirs.body as Planner).id]) {
      for (const [method, path, body] of [
        ["GET", `/api/v1/planners/${id}/`],
        ["PATCH", `/api/v1/planners/${id}/`, { minutes: 30 }],
        ["DELETE", `/api/v1/planners/${id}/`],
        ["GET", `/api/v1/planners/${id}/windows/?${ACROSS_DST}`],
      ] as const) {
        const response = await call(method, path, body);
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.body).toMatchObject({ error: { code: "scheduler.planner_not_found" } });
      }
    }
  });

  it("answers 400 with the fields at fault: a bad rule, time or zone", async () => {
    const invalid = await call("POST", "/api/v1/planners/", {
      ...WEEKDAY_MORNINGS,
      start_time: "25:00",
      time_zone: "Mars/Olympus",
      minutes: 0,
    });
    expect(invalid.status).toBe(400);
    const fields = (invalid.body as { error: { details: { fields: Record<string, string[]> } } }).error.details.fields;
    expect(Object.keys(fields).sort()).toEqual(["minutes", "start_time", "time_zone"]);

    // The rule is parsed by the procedure (a transform), so its error comes from there, named the same way.
    const badRule = await call("POST", "/api/v1/planners/", { ...WEEKDAY_MORNINGS, recurrence: "FREQ=SOMETIMES" });
    expect(badRule.status).toBe(400);
    expect(badRule.body).toMatchObject({ error: { details: { fields: { recurrence: expect.any(Array) } } } });

    const camelCase = await call("POST", "/api/v1/planners/", { ...WEEKDAY_MORNINGS, startTime: "09:00" });
    expect(camelCase.status).toBe(400);
  });

  it("answers 400 for a windows range that is missing, reversed or too long", async () => {
    const planner = await createPlanner();
    const path = `/api/v1/planners/${planner.id}/windows/`;

    const missing = await call("GET", `${path}?from=2026-03-27T00:00:00Z`);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      error: { code: "common.invalid_input", details: { fields: { to: expect.any(Array) } } },
    });

    const noOffset = await call("GET", `${path}?from=2026-03-27T00:00:00&to=2026-03-28T00:00:00Z`);
    expect(noOffset.status).toBe(400);
    expect(noOffset.body).toMatchObject({ error: { details: { fields: { from: expect.any(Array) } } } });

    for (const [range, code] of [
      ["from=2026-03-28T00:00:00Z&to=2026-03-27T00:00:00Z", "scheduler.invalid_window_range"],
      ["from=2026-03-01T00:00:00Z&to=2026-05-01T00:00:00Z", "scheduler.window_range_too_long"],
    ]) {
      const response = await call("GET", `${path}?${range}`);
      expect(response.status, range).toBe(400);
      expect(response.body).toMatchObject({ error: { details: { issues: [expect.objectContaining({ code })] } } });
    }
  });
});
