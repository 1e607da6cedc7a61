import { request } from "node:http";
import { createAgendaCraftClient } from "@agendacraft/client";
import { createDurableStorage, type DurableStorage } from "@agendacraft/db/testing";
import { TASK_STARTING_JOB } from "@agendacraft/domain/notifier";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { APP_ORIGIN, cookieFrom, postJson } from "../testing/http.ts";
import { type OpenEventStream, openEventStream } from "../testing/open-event-stream.ts";
import { spawnServer } from "../testing/spawn-server.ts";

// `WEB_CONCURRENCY=2 pnpm start` on PostgreSQL, as production runs it: a primary and two HTTP
// workers on one port, real signals. (*.pg.int.test.ts: collected only with TEST_DATABASE_URL.)

const MINUTE = 60_000;
/** Jobs are polled every couple of seconds and several hand over to each other; room for a busy machine. */
const JOB_WAIT = { timeout: 120_000, interval: 500 };

type LogLine = { msg: string; pid: number; worker?: number; role?: string; workerPid?: number };

function logLines(stdout: string): LogLine[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

/** Which worker answers a request on a new connection (each may reach another worker). */
function workerAnswering(url: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/health`, { agent: false }, (response) => {
      response.resume();
      const worker = response.headers["x-worker"];
      resolve(typeof worker === "string" ? worker : undefined);
    });
    req.on("error", reject);
    req.end();
  });
}

// Each test starts real processes (a primary and two workers); a busy 2-core machine needs the room.
describe("WEB_CONCURRENCY=2 on PostgreSQL", { timeout: 240_000 }, () => {
  let storage: DurableStorage;
  beforeAll(async () => {
    // Empty: the primary applies the migrations, once, before any worker starts.
    storage = await createDurableStorage();
  });
  afterAll(async () => {
    await storage?.dispose();
  });

  it("serves from two workers on one port, runs each job once, notifies live in both, replaces a dead worker, and stops cleanly", async () => {
    const server = spawnServer({ ...storage.env, WEB_CONCURRENCY: "2", PUBLIC_URL: APP_ORIGIN });
    const streams: OpenEventStream[] = [];
    let taskId: string;
    try {
      const url = await server.listening;
      await server.waitForOutput(/"msg":"2 HTTP workers listening at /, "both workers listened");
      const lines = logLines(server.stdout());
      const primaryPid = lines.find((line) => line.role === "primary")?.pid;
      const workerPids = lines
        .filter((line) => line.role === "primary" && /^HTTP worker \d \(pid \d+\) listening/.test(line.msg))
        .map((line) => String(line.workerPid))
        .sort();
      expect(workerPids).toHaveLength(2);
      expect(workerPids).not.toContain(String(primaryPid));

      // Migrated by the primary; the workers found nothing left to do.
      expect(lines.filter((line) => /^applied \d+ migration\(s\)$/.test(line.msg)).map((line) => line.pid)).toEqual([
        primaryPid,
      ]);
      expect(lines.filter((line) => line.msg === "database schema is up to date")).toHaveLength(2);
      // The job workers run in worker 1 only; worker 2 only sends jobs.
      const jobQueues = lines.filter((line) => line.msg.startsWith("job queue started"));
      expect(jobQueues.map((line) => [line.worker, line.msg.replace(/\d+ worker/, "N worker")])).toEqual(
        expect.arrayContaining([
          [1, "job queue started with N worker(s)"],
          [2, "job queue started (workers off: enqueue only)"],
        ]),
      );
      expect(jobQueues).toHaveLength(2);

      // New connections are spread over both workers.
      const answeredBy = new Set<string | undefined>();
      await vi.waitFor(
        async () => {
          answeredBy.add(await workerAnswering(url));
          expect([...answeredBy].sort()).toEqual(workerPids);
        },
        { timeout: 30_000, interval: 0 },
      );

      const signedUp = await postJson(
        `${url}/api/auth/sign-up/email`,
        { name: "Two Workers", email: "two-workers@example.com", password: "correct horse battery" },
        { origin: APP_ORIGIN },
      );
      expect(signedUp.status).toBe(200);
      const cookie = cookieFrom(signedUp.headers);
      const client = createAgendaCraftClient({ url: `${url}/trpc`, headers: { cookie, origin: APP_ORIGIN } });
      // Inside the lead time already: the reminder is due as soon as the task's event is handled.
      await client.notifier.settings.update.mutate({ leadMinutes: 10 });

      // A live notification stream on each worker (the session, signed with the secret the
      // primary generated, holds on both).
      await vi.waitFor(
        async () => {
          const stream = await openEventStream(`${url}/trpc/notifier.notifications.onNew`, {
            cookie,
            origin: APP_ORIGIN,
          });
          if (stream.status === 200 && !streams.some((open) => open.worker === stream.worker)) streams.push(stream);
          else stream.close();
          expect(streams.map((open) => open.worker).sort()).toEqual(workerPids);
        },
        { timeout: 30_000, interval: 0 },
      );
      await vi.waitFor(
        () =>
          expect(streams.map((stream) => stream.events.some((event) => event.event === "connected"))).toEqual([
            true,
            true,
          ]),
        { timeout: 10_000, interval: 20 },
      );

      const task = await client.scheduler.tasks.create.mutate({
        summary: "Reminded once",
        startTime: new Date(Date.now() + 5 * MINUTE),
      });
      taskId = task.id;
      // Worker 1's job makes the notification; both workers' listeners deliver it to their stream.
      await vi.waitFor(() => {
        expect(streams.map((stream) => stream.notifications().map((item) => item.taskId))).toEqual([
          [taskId],
          [taskId],
        ]);
      }, JOB_WAIT);
      const { items } = await client.notifier.notifications.list.query({});
      expect(items.filter((item) => item.taskId === taskId)).toHaveLength(1);

      // A worker that dies is replaced: the port keeps answering, from the new worker too.
      const [jobsPid, otherPid] = [
        String(jobQueues.find((line) => line.worker === 1)?.pid),
        String(jobQueues.find((line) => line.worker === 2)?.pid),
      ];
      process.kill(Number(otherPid), "SIGKILL");
      const replaced = await server.waitForOutput(
        /"msg":"HTTP worker 3 \(pid (\d+)\) listening"/,
        "a new worker listened",
      );
      expect(server.stdout()).toContain(
        `HTTP worker 2 (pid ${otherPid}) stopped unexpectedly; starting another in its place`,
      );
      const newPid = replaced[1] as string;
      const answeredAfter = new Set<string | undefined>();
      await vi.waitFor(
        async () => {
          answeredAfter.add(await workerAnswering(url));
          expect([...answeredAfter].sort()).toEqual([jobsPid, newPid].sort());
        },
        { timeout: 30_000, interval: 0 },
      );

      // A request still arriving when SIGTERM reaches the primary is answered before its worker exits.
      const req = request(`${url}/trpc/meta.health`, {
        agent: false,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": "2", expect: "100-continue" },
      });
      const headersReceived = new Promise<void>((resolve) => req.once("continue", () => resolve()));
      const inFlight = new Promise<number | undefined>((resolve, reject) => {
        req.on("response", (response) => {
          response.resume();
          resolve(response.statusCode);
        });
        req.on("error", reject);
      });
      req.flushHeaders();
      await headersReceived;
      const exitCode = server.stop("SIGTERM");
      await server.waitForOutput(
        /shutting down: finishing in-flight requests[\s\S]*shutting down: finishing in-flight requests/,
        "both workers shutting down",
      );
      req.end("{}");
      expect(await inFlight).toBe(405);
      expect(await exitCode).toBe(0);
    } finally {
      for (const stream of streams) stream.close();
      await server.stop("SIGKILL");
    }

    const stopped = logLines(server.stdout()).filter((line) => line.msg === "stopped cleanly");
    expect(stopped.map((line) => line.worker ?? line.role).sort()).toEqual([1, 3, "primary"]);

    // Read the books with the processes gone: one reminder job ever, completed once.
    const admin = new pg.Client({ connectionString: storage.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ state: string }>(
        "SELECT state FROM pgboss.job WHERE name = $1 AND data->>'taskId' = $2",
        [TASK_STARTING_JOB, taskId],
      );
      expect(rows.map((row) => row.state)).toEqual(["completed"]);
    } finally {
      await admin.end();
    }
  });
});
