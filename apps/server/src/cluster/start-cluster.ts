import cluster, { type Worker } from "node:cluster";
import type { Env } from "../env.ts";
import { startAppJobs } from "../jobs/start-app-jobs.ts";
import { createLogger } from "../logger.ts";
import { openAppDatabase } from "../open-app-database.ts";
import { prepareSecrets } from "../prepare-secrets.ts";
import { SHUTDOWN_MESSAGE } from "./cluster-worker.ts";
import { createCrashLimit } from "./crash-limit.ts";

/** More crashes than this within the window: something is wrong at every start, stop instead. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;
/** After SHUTDOWN_TIMEOUT_MS a worker exits by itself (close-with-grace); this is for one that cannot. */
const KILL_MARGIN_MS = 5_000;

/**
 * The primary of `WEB_CONCURRENCY=N pnpm start` on PostgreSQL: does the once-per-start work
 * (migrations, the generated auth secret, the job queues' definitions), then forks N HTTP
 * workers that share the port, and supervises them. It serves no HTTP itself.
 *
 * The job workers (pg-boss handlers, cron schedules, event dispatch) run in HTTP worker 1 only,
 * or in its replacement if it crashes; the others only send jobs, as with WORKER=off. Not in
 * the primary: with Node's round-robin scheduling the primary accepts every connection and
 * hands it on, so a job busy on the CPU there (a re-plan of thousands of tasks) would hold up
 * every new connection. In worker 1 they run exactly as in a single server (WORKER=inline),
 * with the same shutdown, and a crash there is handled like any worker's.
 */
export async function startCluster(env: Env): Promise<void> {
  const log = createLogger(env).child({ role: "primary" });
  const count = env.WEB_CONCURRENCY;
  log.info(
    { workers: count, jobs: env.WORKER === "inline" ? "worker 1" : "pnpm worker" },
    `starting ${count} HTTP workers on one port (${env.WORKER === "inline" ? "HTTP worker 1 runs the jobs" : "WORKER=off: pnpm worker processes run the jobs"})`,
  );

  // Here, once, before any worker starts: workers then find nothing to migrate, no secret to
  // generate and every job queue defined, so they cannot race each other at it. (pg-boss creates
  // a new queue's table with DDL that deadlocks when two processes create the same queues at once.)
  const db = await openAppDatabase(env, log);
  const secrets = await prepareSecrets({ env, db: db.prisma, log });
  // Quiet: its "job queue started (workers off)" would read as if the primary sent jobs.
  const defining = await startAppJobs({ env, db, log: log.child({}, { level: "warn" }), secrets, work: false });
  await defining.jobs.stop();
  await defining.mailer.close();
  await db.close();
  log.info("database migrated and job queues defined: starting the HTTP workers");

  const running = new Set<Worker>();
  const crashes = createCrashLimit({ max: MAX_CRASHES, windowMs: CRASH_WINDOW_MS });
  let listening = 0;
  let started = false;
  let stopping = false;
  let failed = false;

  /** Workers are named by node:cluster's id (1, 2, ...; a replacement gets the next), as in their own log lines. */
  function fork(runsJobs: boolean): void {
    // The jobs' worker keeps the configured WORKER (inline: it runs them); the others only send jobs.
    const worker = cluster.fork({ WORKER: runsJobs ? env.WORKER : "off" });
    const name = `HTTP worker ${worker.id} (pid ${worker.process.pid})`;
    const fields = { worker: worker.id, workerPid: worker.process.pid };
    let served = false;
    running.add(worker);
    worker.once("listening", (address) => {
      served = true;
      log.info(fields, `${name} listening${runsJobs && env.WORKER === "inline" ? ", running the jobs" : ""}`);
      if (started) return;
      listening += 1;
      if (listening === count) {
        started = true;
        const url = `http://${address.address ?? env.HOST}:${address.port}`;
        log.info({ workers: count, url }, `${count} HTTP workers listening at ${url}`);
      }
    });
    worker.once("exit", (code, signal) => {
      running.delete(worker);
      if (stopping) {
        if (code !== 0) failed = true;
        log.info({ ...fields, code, signal }, `${name} stopped`);
        if (running.size === 0) finish();
        return;
      }
      if (!served && !started) {
        // A worker that cannot start (port taken, database gone) would fail again: stop, as one server would.
        log.fatal({ ...fields, code, signal }, `${name} stopped before it could serve; stopping`);
        failed = true;
        shutdown();
        return;
      }
      if (!crashes.allow()) {
        log.fatal(
          { ...fields, code, signal },
          `HTTP workers stopped unexpectedly more than ${MAX_CRASHES} times in a minute; stopping instead of starting another`,
        );
        failed = true;
        shutdown();
        return;
      }
      log.error({ ...fields, code, signal }, `${name} stopped unexpectedly; starting another in its place`);
      fork(runsJobs);
    });
  }

  function shutdown(signal?: NodeJS.Signals): void {
    if (stopping) return;
    stopping = true;
    if (signal) log.info({ signal }, `shutting down: ${running.size} HTTP workers finish their in-flight requests`);
    if (running.size === 0) {
      finish();
      return;
    }
    for (const worker of running) {
      if (worker.isConnected()) worker.send(SHUTDOWN_MESSAGE);
    }
    setTimeout(() => {
      log.error(`HTTP workers still running ${KILL_MARGIN_MS} ms after their shutdown timeout; killing them`);
      for (const worker of running) worker.process.kill("SIGKILL");
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS + KILL_MARGIN_MS).unref();
  }

  function finish(): void {
    log.info(failed ? "stopped" : "stopped cleanly");
    process.exit(failed ? 1 : 0);
  }

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (!stopping) {
        shutdown(signal);
        return;
      }
      // A second signal: whoever sent it wants the processes gone now.
      log.error({ signal }, `second ${signal}: killing the HTTP workers`);
      for (const worker of running) worker.process.kill("SIGKILL");
      process.exit(1);
    });
  }

  for (let index = 0; index < count; index++) fork(index === 0);
}
