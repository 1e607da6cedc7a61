import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAgendaCraftClient } from "@agendacraft/client";
import type { JobQueue } from "@agendacraft/db/jobs";
import type { TestDatabase } from "@agendacraft/db/testing";
import {
  calendarText,
  GOOGLE_FEED,
  LUNCH,
  startTestCalendarServer,
  type TestCalendarServer,
} from "@agendacraft/domain/calendars/testing";
import { createNotificationBus, type NotificationBus } from "@agendacraft/domain/notifier";
import { fixedClock, testSecretKeyring } from "@agendacraft/domain/shared";
import { type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { createJobDefinitions } from "../jobs/job-definitions.ts";
import { startJobQueue } from "../jobs/start-job-queue.ts";
import { APP_ORIGIN, cookieFrom, postJson } from "../testing/http.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";
import { FUZZ_SERVER_ENV } from "./fuzz-options.ts";
import type { IdPool } from "./id-pool.ts";

export const FUZZ_NOW = new Date("2026-06-01T09:00:00Z");

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export type FuzzFixture = {
  server: TestServer;
  calendarUrls: string[];
  person: { id: string; cookie: string; token: string; tokenId: string };
  close(): Promise<void>;
};

/**
 * The server as production wires it (job queue, live notifications, a built web app),
 * a local calendar server for feed addresses, and one signed-in person (a browser session
 * and an API token) whose password no generator can know.
 */
export async function startFuzzFixture(database: TestDatabase): Promise<FuzzFixture> {
  const calendars: TestCalendarServer = await startTestCalendarServer();
  calendars.serveCalendar("/google.ics", GOOGLE_FEED);
  calendars.serveCalendar("/lunch.ics", calendarText([LUNCH]));
  calendars.serve("/broken.ics", {
    status: 200,
    contentType: "text/calendar",
    body: "BEGIN:VCALENDAR\r\nBEGIN:VEVENT",
  });
  calendars.serve("/error.ics", { status: 500 });
  const calendarUrls = ["/google.ics", "/lunch.ics", "/broken.ics", "/error.ics", "/missing.ics"].map(calendars.url);

  // Google procedures are fuzzed as a configured server answers them (without it they all answer 503 not configured).
  const google: FakeGoogle = await startFakeGoogle({ clientId: "agendacraft-fuzz", clientSecret: "fuzz-secret" });
  // Todoist too, with an OAuth client: there is no internet here, a fuzzed token must meet a
  // Todoist that answers (401), and without a client connectUrl answers 503 not configured.
  const todoist: FakeTodoist = await startFakeTodoist();

  const webDist = await mkdtemp(join(tmpdir(), "agendacraft-fuzz-web-"));
  await writeFile(join(webDist, "index.html"), "<!doctype html><title>AgendaCraft</title>");

  const clock = fixedClock(FUZZ_NOW);
  const jobs: JobQueue = await startJobQueue({
    db: database,
    log: silent,
    definitions: (sender) =>
      createJobDefinitions({ db: database.prisma, log: silent, clock, secrets: testSecretKeyring(), jobs: sender }),
    // Enqueue only: the fuzz is about answering requests; workers would compete for the one embedded connection.
    work: false,
    stopTimeoutMs: 1_000,
  });
  const notifications: NotificationBus = await createNotificationBus({
    db: database.prisma,
    listen: database.listen,
    log: silent,
  });
  const server = await startTestServer({
    db: database.prisma,
    clock,
    jobs,
    notifications,
    env: {
      ...FUZZ_SERVER_ENV,
      WEB_DIST_DIR: webDist,
      GOOGLE_CLIENT_ID: google.clientId,
      GOOGLE_CLIENT_SECRET: google.clientSecret,
      GOOGLE_BASE_URL: google.url,
      TODOIST_BASE_URL: todoist.url,
      TODOIST_CLIENT_ID: todoist.clientId,
      TODOIST_CLIENT_SECRET: todoist.clientSecret,
    },
  });

  const signedUp = await postJson(
    `${server.url}/api/auth/sign-up/email`,
    { name: "Fuzz Person", email: `fuzz-${randomUUID()}@example.com`, password: `${randomUUID()}-${randomUUID()}` },
    { origin: APP_ORIGIN },
  );
  if (signedUp.status !== 200) throw new Error(`sign-up failed: ${signedUp.status} ${JSON.stringify(signedUp.body)}`);
  const user = signedUp.body.user as { id: string };
  const cookie = cookieFrom(signedUp.headers);
  // Its id is never handed to the generators (IdPool hides it), so no fuzzed iam.tokens.revoke can end it.
  const { secret: token, token: created } = await createAgendaCraftClient({
    url: `${server.url}/trpc`,
    headers: { cookie, origin: APP_ORIGIN },
  }).iam.tokens.create.mutate({ name: "fuzzer" });

  return {
    server,
    calendarUrls,
    person: { id: user.id, cookie, token, tokenId: created.id },
    async close() {
      await notifications.close();
      await server.close();
      await jobs.stop();
      await calendars.close();
      await google.close();
      await todoist.close();
      await rm(webDist, { recursive: true, force: true });
    },
  };
}

/** A few rows of every kind, so the first fuzzed calls already have real ids to use. */
export async function seedFuzzData(fixture: FuzzFixture, database: TestDatabase, pool: IdPool): Promise<void> {
  const client = createAgendaCraftClient({
    url: `${fixture.server.url}/trpc`,
    headers: { cookie: fixture.person.cookie, origin: APP_ORIGIN },
  });
  const remember = (procedure: string, result: unknown) => pool.harvest(procedure, result);
  const area = await client.scheduler.areas.create.mutate({ name: "Work" });
  remember("scheduler.areas.create", area);
  const project = await client.scheduler.projects.create.mutate({ name: "Launch", areaId: area.id });
  remember("scheduler.projects.create", project);
  remember(
    "scheduler.planners.create",
    await client.scheduler.planners.create.mutate({
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: "2026-05-01",
      startTime: "09:00",
      minutes: 480,
    }),
  );
  for (const [index, summary] of ["Draft", "Review", "Publish", "Plan", "Ship"].entries()) {
    const task = await client.scheduler.tasks.create.mutate({
      summary,
      projectId: index < 3 ? project.id : undefined,
      ...(index === 4 ? { startTime: new Date("2026-06-02T10:00:00Z"), recurrence: "FREQ=DAILY" } : {}),
    });
    remember("scheduler.tasks.create", task);
  }
  remember("scheduler.plan.commit", await client.scheduler.plan.commit.mutate({}));
  remember("iam.tokens.create", await client.iam.tokens.create.mutate({ name: "fuzz script" }));
  const url = fixture.calendarUrls[0];
  if (url) remember("calendars.feeds.add", await client.calendars.feeds.add.mutate({ name: "Work", url }));
  // Notifications come from reminder jobs, which this server does not work: write a few as they would.
  await database.prisma.notification.createMany({
    data: [1, 2, 3].map((index) => ({
      userId: fixture.person.id,
      kind: "task_starting",
      title: `Reminder ${index}`,
      body: "",
      dedupeKey: `fuzz:${index}`,
    })),
  });
  remember("notifier.notifications.list", await client.notifier.notifications.list.query({}));
}
