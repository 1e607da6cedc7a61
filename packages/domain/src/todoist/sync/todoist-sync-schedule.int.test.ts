import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { testSecretKeyring } from "../../shared/secrets/test-secret-keyring.ts";
import { todoistConfig } from "../todoist-config.ts";
import { runTodoistSync } from "./run-todoist-sync.ts";
import { TodoistSyncBusyError } from "./todoist-run-lease.ts";
import { sendDueTodoistSyncs } from "./todoist-sync-job.ts";
import { TodoistSyncJob } from "./todoist-sync-job-type.ts";

const clock = fixedClock("2026-12-07T06:00:00Z");
const minutesAgo = (minutes: number) => new Date(clock.now().getTime() - minutes * 60_000);
// Nothing listens here: these tests never reach Todoist.
const config = todoistConfig({ baseUrl: "http://127.0.0.1:9", publicOrigin: "http://localhost:3000" });

describe("scheduling Todoist syncs", () => {
  const database = useTestDatabase();

  async function connection(data: {
    lastSyncedAt?: Date | null;
    status?: "ok" | "needs_reconnect";
    runningSince?: Date;
  }) {
    const { prisma } = database();
    const user = await createUser(prisma);
    return prisma.todoistConnection.create({
      data: {
        userId: user.id,
        todoistUserId: user.id,
        email: `${user.id}@example.com`,
        name: "Ada",
        authKind: "token",
        accessToken: "sealed",
        lastSyncedAt: data.lastSyncedAt ?? null,
        status: data.status ?? "ok",
        ...(data.runningSince ? { runningPhase: "tasks", runningSince: data.runningSince } : {}),
      },
      select: { id: true },
    });
  }

  it("sends one todoist.sync per connection not synced within the interval, never to one that needs reconnecting", async () => {
    const { prisma } = database();
    const never = await connection({});
    const long = await connection({ lastSyncedAt: minutesAgo(10) });
    const almost = await connection({ lastSyncedAt: minutesAgo(4.6) });
    await connection({ lastSyncedAt: minutesAgo(2) });
    await connection({ lastSyncedAt: null, status: "needs_reconnect" });
    const jobs = createRecordingJobs();
    const sent = await sendDueTodoistSyncs({ db: prisma, jobs, clock, intervalSeconds: 300 });
    expect(sent).toBe(3);
    expect(jobs.sent).toEqual(
      [never, long, almost].map(({ id }) =>
        expect.objectContaining({
          name: TodoistSyncJob.name,
          data: { connectionId: id },
          options: { singletonKey: id },
        }),
      ),
    );
  });

  it("a run never starts while another holds the connection's lease, and starts once the lease lapsed", async () => {
    const { prisma } = database();
    const held = await connection({ runningSince: minutesAgo(2) });
    const deps = {
      db: prisma,
      config,
      secrets: testSecretKeyring(),
      clock,
      events: createRecordingEvents(),
      jobs: createRecordingJobs(),
    };
    await expect(runTodoistSync({ ...deps, connectionId: held.id })).rejects.toBeInstanceOf(TodoistSyncBusyError);
    const stored = await prisma.todoistConnection.findUniqueOrThrow({ where: { id: held.id } });
    expect(stored).toMatchObject({ runningPhase: "tasks", runningSince: minutesAgo(2) });

    const lapsed = await connection({ runningSince: minutesAgo(11) });
    // It runs (and fails: nothing answers at the configured origin); the running mark is cleared either way.
    const failed = await runTodoistSync({ ...deps, connectionId: lapsed.id, backoffMs: 1 }).catch(
      (error: unknown) => error,
    );
    expect(failed).not.toBeInstanceOf(TodoistSyncBusyError);
    const after = await prisma.todoistConnection.findUniqueOrThrow({ where: { id: lapsed.id } });
    expect(after).toMatchObject({ runningPhase: null, runningSince: null });
    expect(after.lastError).toMatch(/./);
  });
});
