import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { createTestDatabase, type TestDatabase } from "@agendacraft/db/testing";
import { createAuth } from "@agendacraft/domain/iam";
import { fixedClock, testSecretKeyring } from "@agendacraft/domain/shared";
import { createEventOutbox } from "@agendacraft/domain/shared/events";
import type { Log, ServerDeps } from "../context.ts";

export type LogEntry = { level: "error" | "warn" | "info"; object: object; message?: string };

/** A logger that keeps what it is told, so tests can assert on (and against) log content. */
export function recordingLog(): Log & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry["level"]) => (object: object, message?: string) => {
    entries.push({ level, object, message });
  };
  return { entries, error: record("error"), warn: record("warn"), info: record("info") };
}

export const TEST_APP_ORIGIN = "http://localhost:3000";

/**
 * Server dependencies over a fresh test database, a fixed clock and a recording log. Events
 * go to the real outbox (`domain_events`); jobs, the dispatches among them, are recorded in
 * memory (`jobs.sent`): tests that need delivery run `dispatchEvents` or a real queue.
 */
export async function createTestDeps(): Promise<{
  deps: ServerDeps;
  database: TestDatabase;
  log: ReturnType<typeof recordingLog>;
  jobs: ReturnType<typeof createRecordingJobs>;
  close(): Promise<void>;
}> {
  const database = await createTestDatabase();
  const log = recordingLog();
  const jobs = createRecordingJobs();
  const clock = fixedClock("2026-06-01T09:00:00Z");
  const deps: ServerDeps = {
    db: database.prisma,
    log,
    clock,
    jobs,
    events: createEventOutbox({ jobs, clock }),
    app: { version: "0.0.0-test", startedAt: new Date("2026-06-01T08:59:00Z") },
    auth: createAuth({
      prisma: database.prisma,
      secret: "test-secret-that-is-long-enough-for-hmac",
      baseURL: TEST_APP_ORIGIN,
      trustedOrigins: [TEST_APP_ORIGIN],
    }),
    trustedOrigins: [TEST_APP_ORIGIN],
    secrets: testSecretKeyring(),
    // Test calendars are served from this machine.
    calendarFeeds: { allowPrivateNetworks: true },
  };
  return { deps, database, log, jobs, close: () => database.close() };
}
