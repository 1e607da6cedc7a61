import { randomUUID } from "node:crypto";
import { type AgendaCraftClient, createAgendaCraftClient, TRPCClientError } from "@agendacraft/client";
import { useTestDatabase } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

const NOW = new Date("2026-03-20T08:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

function errorOf(error: unknown) {
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a TRPCClientError, got ${String(error)}`);
  return error.data as {
    code: string;
    domainError: { code: string } | null;
    zodError: { fieldErrors: Record<string, string[]> } | null;
  };
}

describe("the scheduler over HTTP, signed in", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let client: AgendaCraftClient;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, clock: fixedClock(NOW) });
    const signedUp = await postJson(`${server.url}/api/auth/sign-up/email`, {
      name: "Planner Person",
      email: `planner-${randomUUID()}@example.com`,
      password: "correct horse battery",
      timeZone: "Europe/Berlin",
    });
    client = createAgendaCraftClient({
      url: `${server.url}/trpc`,
      headers: { cookie: cookieFrom(signedUp.headers), origin: APP_ORIGIN },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("orders three tasks in a project 1, 2, 3 and lists exactly those by project", async () => {
    const project = await client.scheduler.projects.create.mutate({ name: "Launch", color: "#16a34a" });
    await client.scheduler.tasks.create.mutate({ summary: "Not in the project" });
    const created = [];
    for (const summary of ["Draft", "Review", "Publish"]) {
      created.push(await client.scheduler.tasks.create.mutate({ summary, projectId: project.id }));
    }
    expect(created.map((task) => task.order)).toEqual([1, 2, 3]);
    const listed = await client.scheduler.tasks.list.query({ projectId: project.id });
    expect(listed.items.map((task) => task.summary)).toEqual(["Draft", "Review", "Publish"]);
    const projects = await client.scheduler.projects.list.query();
    expect(projects.items.find((item) => item.id === project.id)).toMatchObject({ openTasks: 3, doneTasks: 0 });
  });

  it("refuses a past start time with scheduler.start_in_past", async () => {
    const error = await client.scheduler.tasks.create
      .mutate({ summary: "Yesterday", startTime: new Date(NOW.getTime() - DAY) })
      .catch((e: unknown) => e);
    expect(errorOf(error)).toMatchObject({ code: "BAD_REQUEST", domainError: { code: "scheduler.start_in_past" } });
  });

  it("completing a daily task returns the next occurrence one day later", async () => {
    const task = await client.scheduler.tasks.create.mutate({
      summary: "Water the plants",
      startTime: new Date("2026-03-20T17:00:00Z"),
      minutes: 10,
      recurrence: "FREQ=DAILY",
    });
    const { task: done, next } = await client.scheduler.tasks.complete.mutate({ id: task.id });
    expect(done.completedAt).toEqual(NOW);
    expect(next?.startTime).toEqual(new Date("2026-03-21T17:00:00Z"));
  });

  it("returns ten weekday windows at 09:00 Berlin time across the DST change", async () => {
    const planner = await client.scheduler.planners.create.mutate({
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: "2026-03-01",
      startTime: "09:00",
      minutes: 480,
    });
    expect(planner.timeZone).toBe("Europe/Berlin");
    const windows = await client.scheduler.planners.windows.query({
      plannerId: planner.id,
      from: new Date("2026-03-23T00:00:00Z"),
      to: new Date("2026-04-04T00:00:00Z"),
    });
    expect(windows).toHaveLength(10);
    const starts = windows.map((window) => window.start.toISOString());
    expect(starts.slice(0, 5).every((start) => start.endsWith("T08:00:00.000Z"))).toBe(true);
    expect(starts.slice(5).every((start) => start.endsWith("T07:00:00.000Z"))).toBe(true);
    expect(windows.every((window) => window.end.getTime() - window.start.getTime() === 480 * 60 * 1000)).toBe(true);
  });

  it.each([
    ["an empty summary", () => client.scheduler.tasks.create.mutate({ summary: "" }), "summary"],
    ["priority 9", () => client.scheduler.tasks.create.mutate({ summary: "x", priority: 9 }), "priority"],
    ["0 minutes", () => client.scheduler.tasks.create.mutate({ summary: "x", minutes: 0 }), "minutes"],
    ["600 minutes", () => client.scheduler.tasks.create.mutate({ summary: "x", minutes: 600 }), "minutes"],
    [
      "a malformed RRULE",
      () => client.scheduler.tasks.create.mutate({ summary: "x", dueAt: NOW, recurrence: "FREQ=DAILY;BYHOUR=9" }),
      "recurrence",
    ],
    [
      "an unknown time zone",
      () =>
        client.scheduler.planners.create.mutate({
          name: "x",
          recurrence: "FREQ=DAILY",
          startDate: "2026-03-01",
          startTime: "09:00",
          minutes: 60,
          timeZone: "Europe/Atlantis",
        }),
      "timeZone",
    ],
  ])("rejects %s with a field error and writes nothing", async (_case, attempt, field) => {
    const before = await database().prisma.task.count();
    const plannersBefore = await database().prisma.planner.count();
    const data = errorOf(await attempt().catch((e: unknown) => e));
    expect(data.code).toBe("BAD_REQUEST");
    expect(data.zodError?.fieldErrors[field]?.[0]).toEqual(expect.any(String));
    await expect(database().prisma.task.count()).resolves.toBe(before);
    await expect(database().prisma.planner.count()).resolves.toBe(plannersBefore);
  });

  it("answers a foreign or unknown id with NOT_FOUND", async () => {
    const error = await client.scheduler.tasks.create
      .mutate({ summary: "x", projectId: randomUUID() })
      .catch((e: unknown) => e);
    expect(errorOf(error)).toMatchObject({ code: "NOT_FOUND", domainError: { code: "scheduler.project_not_found" } });
  });
});
