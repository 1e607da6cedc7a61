import { useTestDatabase } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personWithToken, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";

/** A Friday, an hour before the planner's window opens. */
const NOW = "2026-03-20T08:00:00.000Z";
const UNKNOWN_ID = "0190a6a4-0000-7000-8000-000000000000";
const WEEKDAY_MORNINGS = {
  name: "Weekday mornings",
  recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  start_date: "2026-03-20",
  start_time: "09:00",
  minutes: 180,
  time_zone: "UTC",
};
const PACKED = { horizon_days: 7, options: { strategy: "pack", buffer_minutes: 0 } };

type Task = { id: string; start_time: string | null; end_time: string | null };
type Run = { id: string; placed_count: number; undone_at: string | null };

describe("REST API v1: the auto-scheduler (preview, commit, runs, undo)", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let person: Awaited<ReturnType<typeof personWithToken>>;
  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    restCall(server.url, method, path, { token: person.token, body, headers });
  const task = async (id: string) => (await call("GET", `/api/v1/tasks/${id}/`)).body as Task;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, clock: fixedClock(NOW) });
    person = await personWithToken(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("plans tasks made over REST: preview changes nothing, commit places them, undo puts them back", async () => {
    expect((await call("POST", "/api/v1/planners/", WEEKDAY_MORNINGS)).status).toBe(201);
    const first = (await call("POST", "/api/v1/tasks/", { summary: "Write report", minutes: 60, priority: 3 }))
      .body as Task;
    const second = (await call("POST", "/api/v1/tasks/", { summary: "Review budget", minutes: 60, priority: 1 }))
      .body as Task;

    const preview = await call("POST", "/api/v1/plan/preview/", PACKED);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      from: NOW,
      to: expect.stringMatching(/^2026-03-2\dT/),
      change_count: 2,
      unplaced_count: 0,
      notice: null,
      unplaced: [],
      changes: [
        {
          task_id: first.id,
          summary: "Write report",
          old_start: null,
          old_end: null,
          new_start: "2026-03-20T09:00:00.000Z",
          new_end: "2026-03-20T10:00:00.000Z",
          parts: null,
          explanation: expect.any(String),
        },
        {
          task_id: second.id,
          summary: "Review budget",
          old_start: null,
          old_end: null,
          new_start: "2026-03-20T10:00:00.000Z",
          new_end: "2026-03-20T11:00:00.000Z",
          parts: null,
          explanation: expect.any(String),
        },
      ],
    });
    expect((await task(first.id)).start_time).toBeNull();

    const key = { "idempotency-key": "plan-commit-1" };
    const committed = await call("POST", "/api/v1/plan/commit/", PACKED, key);
    expect(committed.status).toBe(200);
    const result = committed.body as { run: Run; changes: { task_id: string; new_start: string }[] };
    expect(result.run).toEqual({
      id: expect.any(String),
      trigger: expect.any(String),
      placed_count: 2,
      unplaced_count: 0,
      // The database stamps it (not the server's clock).
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      undone_at: null,
    });
    expect(result.changes.map((change) => [change.task_id, change.new_start])).toEqual([
      [first.id, "2026-03-20T09:00:00.000Z"],
      [second.id, "2026-03-20T10:00:00.000Z"],
    ]);
    expect(await task(first.id)).toMatchObject({
      start_time: "2026-03-20T09:00:00.000Z",
      end_time: "2026-03-20T10:00:00.000Z",
    });

    // A retry with the same key answers the first run; the same key with another plan is a conflict.
    const retried = await call("POST", "/api/v1/plan/commit/", PACKED, key);
    expect(retried.status).toBe(200);
    expect((retried.body as { run: Run }).run.id).toBe(result.run.id);
    const reused = await call("POST", "/api/v1/plan/commit/", { horizon_days: 3 }, key);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ error: { code: "common.idempotency_key_reused" } });

    const runs = await call("GET", "/api/v1/plan/runs/");
    expect(runs.status).toBe(200);
    expect(runs.body).toEqual([result.run]);

    const undone = await call("POST", `/api/v1/plan/runs/${result.run.id}/undo/`);
    expect(undone.status).toBe(200);
    expect(undone.body).toEqual({ run: { ...result.run, undone_at: NOW }, restored: 2, skipped: [] });
    expect(await task(first.id)).toMatchObject({ start_time: null, end_time: null });
    expect(await task(second.id)).toMatchObject({ start_time: null, end_time: null });
    expect((await call("GET", "/api/v1/plan/runs?limit=1")).body).toEqual([{ ...result.run, undone_at: NOW }]);

    const again = await call("POST", `/api/v1/plan/runs/${result.run.id}/undo/`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "scheduler.plan_run_already_undone" } });
  });

  it("previews with no body at all, and says once why nothing can be planned", async () => {
    const newcomer = await personWithToken(server.url, "Newcomer");
    await restCall(server.url, "POST", "/api/v1/tasks/", { token: newcomer.token, body: { summary: "Something" } });
    const preview = await restCall(server.url, "POST", "/api/v1/plan/preview", { token: newcomer.token });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      changes: [],
      change_count: 0,
      notice: { code: "scheduler.plan.no_planner", message: expect.any(String) },
    });
  });

  it("answers 404 for undoing an unknown run, and for another person's", async () => {
    const other = await personWithToken(server.url, "Someone Else");
    await restCall(server.url, "POST", "/api/v1/planners/", { token: other.token, body: WEEKDAY_MORNINGS });
    await restCall(server.url, "POST", "/api/v1/tasks/", { token: other.token, body: { summary: "Theirs" } });
    const theirs = await restCall(server.url, "POST", "/api/v1/plan/commit/", { token: other.token, body: {} });
    expect(theirs.status).toBe(200);
    for (const id of [UNKNOWN_ID, (theirs.body as { run: Run }).run.id]) {
      const response = await call("POST", `/api/v1/plan/runs/${id}/undo/`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: "scheduler.plan_run_not_found" } });
    }
    expect((await call("GET", "/api/v1/plan/runs/")).body).not.toContainEqual(
      expect.objectContaining({ id: (theirs.body as { run: Run }).run.id }),
    );
  });

  it("answers 400 with the fields at fault, nested ones by their path", async () => {
    const invalid = await call("POST", "/api/v1/plan/preview/", {
      horizon_days: 0,
      from: "2026-03-20 09:00",
      options: { strategy: "random", split: { min_chunk_minutes: 5 } },
    });
    expect(invalid.status).toBe(400);
    const fields = (invalid.body as { error: { details: { fields: Record<string, string[]> } } }).error.details.fields;
    expect(Object.keys(fields).sort()).toEqual([
      "from",
      "horizon_days",
      "options.split.min_chunk_minutes",
      "options.strategy",
    ]);

    const camelCase = await call("POST", "/api/v1/plan/commit/", { horizonDays: 7 });
    expect(camelCase.status).toBe(400);
    for (const query of ["?limit=0", "?limit=51", "?limit=ten", "?cursor=abc"]) {
      const runs = await call("GET", `/api/v1/plan/runs/${query}`);
      expect(runs.status, query).toBe(400);
      expect(runs.body).toMatchObject({ error: { code: "common.invalid_input" } });
    }
  });
});
