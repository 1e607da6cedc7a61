import { RetryLaterError } from "@agendacraft/db/jobs";
import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { testSecretKeyring } from "../../shared/secrets/test-secret-keyring.ts";
import { TodoistAuthError, TodoistRateLimitError, TodoistUnavailableError } from "../api/todoist-request-errors.ts";
import { getTodoistStatus } from "../connect/get-todoist-status.ts";
import { syncTodoistNow } from "../connect/sync-todoist-now.ts";
import type { TodoistRunning } from "../schemas.ts";
import { connectFakeAccount } from "../testing/token-connection.ts";
import { type TodoistConfig, todoistConfig } from "../todoist-config.ts";
import { runTodoistSync } from "./run-todoist-sync.ts";
import { TodoistSyncBusyError } from "./todoist-run-lease.ts";
import { createTodoistSyncJob } from "./todoist-sync-job.ts";
import { TodoistSyncJob } from "./todoist-sync-job-type.ts";

// NEEDS THE MERGE of tdpull (pullTodoistChanges) and tdpush (pushTodoistChanges): these runs
// go through the real pull and push against the fake Todoist.
const secrets = testSecretKeyring();
const clock = systemClock;

describe("one Todoist sync run", () => {
  const database = useTestDatabase();
  let fake: FakeTodoist;
  let config: TodoistConfig;
  beforeAll(async () => {
    fake = await startFakeTodoist();
    config = todoistConfig({ baseUrl: fake.url, publicOrigin: "http://localhost:3000" });
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function connected(tasks = 20) {
    const { prisma: db } = database();
    const account = await connectFakeAccount({ db, fake, config, secrets, clock });
    fake.generate(account.email, { projects: 2, tasks, recurring: 2 });
    const jobs = createRecordingJobs();
    const deps = { db, config, secrets, clock, events: createRecordingEvents(), jobs, backoffMs: 1 };
    const stored = () => db.todoistConnection.findUniqueOrThrow({ where: { id: account.connectionId } });
    return { ...account, db, deps, jobs, stored };
  }

  it("imports, stores the result and clears the running mark; the next run with no changes costs one request", async () => {
    const { deps, connectionId, email, stored, db, userId } = await connected();
    const seen: TodoistRunning[] = [];
    const result = await runTodoistSync({ ...deps, connectionId, onRunning: (running) => seen.push(running) });
    expect(result.tasks).toBe(fake.tasks(email).length);
    expect(result.created).toBe(fake.tasks(email).length);
    expect(seen.length).toBeGreaterThan(0);
    const after = await stored();
    expect(after).toMatchObject({ runningPhase: null, runningSince: null, lastError: null, status: "ok" });
    expect(after.lastSyncedAt).not.toBeNull();
    expect(after.syncToken).not.toBe("*");
    expect(after.lastResult).toMatchObject({ tasks: result.tasks, created: result.created });
    expect(after.lastResult).not.toHaveProperty("unmapped");
    const status = await getTodoistStatus({ db, config, actorId: userId, clock });
    expect(status).toMatchObject({ connected: true, running: null, lastError: null });

    const before = fake.requests.length;
    const again = await runTodoistSync({ ...deps, connectionId });
    expect(again).toMatchObject({ created: 0, updated: 0, completed: 0, deleted: 0, pushed: 0 });
    expect(fake.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /api/v1/sync",
    ]);
  });

  it("pushes local changes after the pull, and the run's notes say what Todoist could not take", async () => {
    const { deps, connectionId, email, db, userId } = await connected(4);
    await runTodoistSync({ ...deps, connectionId });
    const [renamed, moved] = await db.todoistTaskLink.findMany({
      where: { connectionId },
      orderBy: { todoistId: "asc" },
      take: 2,
      select: { todoistId: true, taskId: true },
    });
    if (!renamed?.taskId || !moved?.taskId) throw new Error("the import linked no tasks");
    const own = await db.project.create({ data: { userId, name: "Private", order: 99 } });
    await db.task.update({ where: { id: renamed.taskId }, data: { summary: "Renamed here" } });
    await db.task.update({ where: { id: moved.taskId }, data: { projectId: own.id } });
    // What the push subscriber does after each change (its own tests deliver real events).
    await db.todoistTaskLink.updateMany({ where: { connectionId }, data: { dirty: true } });

    const result = await runTodoistSync({ ...deps, connectionId });
    expect(result.pushed).toBe(1);
    expect(fake.task(email, renamed.todoistId)?.content).toBe("Renamed here");
    expect(result.notes).toContainEqual({
      todoistId: moved.todoistId,
      taskId: moved.taskId,
      note: "Moved here to a project that is not in Todoist: in Todoist it stays in its project.",
    });
  });

  it("a token Todoist refuses: needs_reconnect with the reason in words; the job completes without retrying", async () => {
    const { deps, connectionId, email, stored } = await connected();
    fake.expireAccessTokens(email);
    await expect(runTodoistSync({ ...deps, connectionId })).rejects.toBeInstanceOf(TodoistAuthError);
    expect(await stored()).toMatchObject({
      status: "needs_reconnect",
      runningPhase: null,
      lastError: expect.stringMatching(/Connect Todoist again/),
    });
    const job = createTodoistSyncJob(deps);
    await expect(
      job.handler({
        id: "1",
        name: TodoistSyncJob.name,
        data: { connectionId },
        retryCount: 0,
        signal: new AbortController().signal,
      }),
    ).resolves.toBeUndefined();
  });

  it("a 429 beyond what the client waits: lastError says how long, and the job retries no sooner", async () => {
    const { deps, connectionId, stored } = await connected();
    fake.failNext({ status: 429, retryAfter: 120, times: 3 });
    await expect(runTodoistSync({ ...deps, connectionId })).rejects.toBeInstanceOf(TodoistRateLimitError);
    expect(await stored()).toMatchObject({
      status: "ok",
      runningPhase: null,
      lastError: "Todoist asked us to wait 120 s before syncing again; it will be retried then.",
    });
    fake.failNext({ status: 429, retryAfter: 120, times: 3 });
    const job = createTodoistSyncJob(deps);
    const failure = await job
      .handler({
        id: "1",
        name: TodoistSyncJob.name,
        data: { connectionId },
        retryCount: 0,
        signal: new AbortController().signal,
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetryLaterError);
    expect((failure as RetryLaterError).retryAfterSeconds).toBe(120);
    fake.clearFaults();
  });

  it("Todoist down: lastError in words, the job fails for the queue's backoff, and the next good run clears it", async () => {
    const { deps, connectionId, stored } = await connected();
    fake.failNext({ status: 503, times: 3 });
    await expect(runTodoistSync({ ...deps, connectionId })).rejects.toBeInstanceOf(TodoistUnavailableError);
    expect((await stored()).lastError).toMatch(/Todoist could not be reached \(it answered 503\)/);
    fake.clearFaults();
    await runTodoistSync({ ...deps, connectionId });
    expect((await stored()).lastError).toBeNull();
  });

  it("two runs of one connection at once: one runs, the other is refused", async () => {
    const { deps, connectionId } = await connected();
    const outcomes = await Promise.allSettled([
      runTodoistSync({ ...deps, connectionId }),
      runTodoistSync({ ...deps, connectionId }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(TodoistSyncBusyError);
  });

  it("sync now that does not finish in time answers `running` and leaves the rest to the job", async () => {
    const { deps, userId, connectionId, jobs } = await connected(2000);
    const answer = await syncTodoistNow({ ...deps, actorId: userId, waitMs: 1 });
    expect(answer.running).not.toBeNull();
    expect(answer.created).toBe(0);
    expect(jobs.sent.at(-1)).toMatchObject({ name: TodoistSyncJob.name, data: { connectionId } });
  });
});
