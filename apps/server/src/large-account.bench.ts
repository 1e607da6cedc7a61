import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AgendaCraftClient, createAgendaCraftClient } from "@agendacraft/client";
import { createDatabase } from "@agendacraft/db/client";
import { createTestDatabase, type TestDatabase } from "@agendacraft/db/testing";
import { MAX_FEED_BYTES, MAX_OCCURRENCES_PER_FEED } from "@agendacraft/domain/calendars";
import { calendarText, startTestCalendarServer } from "@agendacraft/domain/calendars/testing";
import { afterAll, bench, describe } from "vitest";
import { percentile, probeHealthDuring } from "./testing/measure-requests.ts";
import { LARGE_ACCOUNT, type LargeAccountShape, seedLargeAccount } from "./testing/seed-large-account.ts";
import { spawnServer } from "./testing/spawn-server.ts";

/**
 * Every expensive procedure at its documented limits (README "Limits"), for a large
 * account (5,000 tasks, 50 planners, 20 calendars full of busy events, ...), through the
 * real server in its own process, while /health is asked again and again to see how long
 * the server keeps others waiting. Target: no call over 1 s, no /health delayed over 200 ms.
 * PostgreSQL with TEST_DATABASE_URL set, otherwise the embedded database.
 */
const SAMPLES = 8;
const WARMUP = 2;
const DAY = 86_400_000;

/**
 * A second person at the limits a plan reads: 10,000 open tasks none of which has a time
 * yet, and 20 calendars each just under their event limit.
 */
const AT_OPEN_TASK_CAP: LargeAccountShape = {
  ...LARGE_ACCOUNT,
  tasks: 10_000,
  scheduledShare: 0,
  doneShare: 0,
  eventsPerCalendarDay: Math.floor(MAX_OCCURRENCES_PER_FEED / 97),
};
/** The large account's twentieth calendar is added through the API: a file at the size limit. */
const SEEDED_CALENDARS = LARGE_ACCOUNT.calendars - 1;

const now = new Date();
const dataDir = process.env.TEST_DATABASE_URL ? null : await mkdtemp(join(tmpdir(), "agendacraft-bench-"));
let target: TestDatabase | null = null;
let databaseEnv: Record<string, string>;
const seedBoth = async (prisma: Parameters<typeof seedLargeAccount>[0]) => ({
  large: await seedLargeAccount(prisma, { now, shape: { ...LARGE_ACCOUNT, calendars: SEEDED_CALENDARS } }),
  atCap: await seedLargeAccount(prisma, { now, shape: AT_OPEN_TASK_CAP }),
});
let seeded: Awaited<ReturnType<typeof seedBoth>>;
if (dataDir) {
  const db = await createDatabase({ dataDir, migrate: true });
  seeded = await seedBoth(db.prisma);
  await db.close();
  databaseEnv = { DATA_DIR: dataDir };
} else {
  target = await createTestDatabase();
  seeded = await seedBoth(target.prisma);
  databaseEnv = { DATABASE_URL: target.url };
}
const kind = dataDir ? "embedded" : "postgres";

const calendars = await startTestCalendarServer();
calendars.serveCalendar("/big.ics", calendarAtTheLimits(now));
const server = spawnServer({
  ...databaseEnv,
  HOST: "127.0.0.1",
  LOG_LEVEL: "info",
  CALENDAR_FEEDS_ALLOW_PRIVATE_NETWORKS: "true",
});
const baseUrl = await server.listening;

let lastResponseBytes = 0;
let requestId = "";
const clientFor = (token: string): AgendaCraftClient =>
  createAgendaCraftClient({
    url: `${baseUrl}/trpc`,
    token,
    async fetch(input, init) {
      const headers = new Headers(init?.headers);
      headers.set("x-request-id", requestId);
      const response = await fetch(input, { ...init, headers });
      lastResponseBytes = (await response.clone().arrayBuffer()).byteLength;
      return response;
    },
  });
const clients = { large: clientFor(seeded.large.token), atCap: clientFor(seeded.atCap.token) };
const bigFeed = await clients.large.calendars.feeds.add.mutate({ name: "Big", url: calendars.url("/big.ics") });

/**
 * A calendar at both limits: just under MAX_FEED_BYTES of one-off events over the past
 * years (exported history, read and thrown away), with just under MAX_OCCURRENCES_PER_FEED
 * of them in the synced 97 days.
 */
function calendarAtTheLimits(at: Date): string {
  const events: string[][] = [];
  const stamp = (ms: number) => `${new Date(ms).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
  const inWindow = MAX_OCCURRENCES_PER_FEED - 50;
  const syncFrom = at.getTime() - 7 * DAY;
  for (let i = 0; i < inWindow; i++) {
    const start = syncFrom + Math.floor((i * 97 * DAY) / inWindow);
    events.push([
      `UID:now-${i}`,
      `SUMMARY:Meeting ${i}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(start + 1_800_000)}`,
    ]);
  }
  let text = calendarText(events);
  for (let i = 0; text.length < MAX_FEED_BYTES * 0.95; i++) {
    const start = syncFrom - (i + 1) * 3 * 3_600_000;
    events.push([
      `UID:old-${i}`,
      `SUMMARY:Old meeting ${i}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(start + 1_800_000)}`,
    ]);
    if (i % 1000 === 0) text = calendarText(events);
  }
  return calendarText(events);
}

const range = (days: number) => ({ from: now, to: new Date(now.getTime() + days * DAY) });
let leadToggle = 0;
type Case = {
  name: string;
  limits: string;
  call: (api: AgendaCraftClient) => Promise<unknown>;
  /** Whose account: the large one (default) or the one at the open-task cap. */
  as?: keyof typeof clients;
};
const PLAN_AT_LIMITS = {
  horizonDays: 90,
  options: { bufferMinutes: 15, dailyCapMinutes: 480, split: { enabled: true, minChunkMinutes: 15 } },
};
const cases: Case[] = [
  { name: "scheduler.tasks.list", limits: "limit 200", call: (api) => api.scheduler.tasks.list.query({ limit: 200 }) },
  {
    name: "scheduler.tasks.list",
    limits: "limit 200, q (text search)",
    call: (api) => api.scheduler.tasks.list.query({ limit: 200, q: "report" }),
  },
  {
    name: "scheduler.tasks.list",
    limits: "limit 200, done",
    call: (api) => api.scheduler.tasks.list.query({ limit: 200, isComplete: true }),
  },
  { name: "scheduler.tasks.agenda", limits: "42 days", call: (api) => api.scheduler.tasks.agenda.query(range(42)) },
  {
    name: "scheduler.planners.windows",
    limits: "42 days, all planners",
    call: (api) => api.scheduler.planners.windows.query(range(42)),
  },
  {
    name: "scheduler.planners.list",
    limits: "limit 200",
    call: (api) => api.scheduler.planners.list.query({ limit: 200 }),
  },
  {
    name: "scheduler.plan.preview",
    limits: "90 days, buffer, daily cap, split",
    call: (api) => api.scheduler.plan.preview.query(PLAN_AT_LIMITS),
  },
  {
    name: "scheduler.plan.preview",
    limits: `same, ${AT_OPEN_TASK_CAP.tasks} open tasks (the cap)`,
    call: (api) => api.scheduler.plan.preview.query(PLAN_AT_LIMITS),
    as: "atCap",
  },
  {
    name: "scheduler.plan.preview",
    limits: `90 days, no cap, ${AT_OPEN_TASK_CAP.tasks} open tasks`,
    call: (api) => api.scheduler.plan.preview.query({ horizonDays: 90 }),
    as: "atCap",
  },
  { name: "scheduler.plan.runs", limits: "limit 50", call: (api) => api.scheduler.plan.runs.query({ limit: 50 }) },
  {
    name: "scheduler.projects.list",
    limits: "limit 200",
    call: (api) => api.scheduler.projects.list.query({ limit: 200 }),
  },
  { name: "scheduler.areas.list", limits: "limit 200", call: (api) => api.scheduler.areas.list.query({ limit: 200 }) },
  {
    name: "scheduler.recurrence.preview",
    limits: "50 occurrences of a rare rule",
    call: (api) =>
      api.scheduler.recurrence.preview.query({
        rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",
        start: now,
        count: 50,
      }),
  },
  {
    name: "calendars.busy",
    limits: "42 days, 20 calendars",
    call: (api) => api.calendars.busy.query(range(42)),
  },
  {
    name: "calendars.busy",
    limits: `42 days, 20 calendars x ${AT_OPEN_TASK_CAP.eventsPerCalendarDay * 97} events`,
    call: (api) => api.calendars.busy.query(range(42)),
    as: "atCap",
  },
  {
    name: "calendars.feeds.sync",
    limits: `a ${(MAX_FEED_BYTES / 1_048_576).toFixed(0)} MB calendar, ${MAX_OCCURRENCES_PER_FEED - 50} events synced`,
    call: (api) => api.calendars.feeds.sync.mutate({ id: bigFeed.id }),
  },
  {
    name: "notifier.settings.update",
    limits: "new lead time: re-times the next 30 days' reminders",
    call: (api) => api.notifier.settings.update.mutate({ leadMinutes: ++leadToggle % 2 ? 10 : 5 }),
  },
  { name: "calendars.feeds.list", limits: "20 calendars", call: (api) => api.calendars.feeds.list.query() },
  {
    name: "notifier.notifications.list",
    limits: "limit 200",
    call: (api) => api.notifier.notifications.list.query({ limit: 200 }),
  },
  {
    name: "notifier.notifications.unreadCount",
    limits: "",
    call: (api) => api.notifier.notifications.unreadCount.query(),
  },
  { name: "iam.tokens.list", limits: "limit 200", call: (api) => api.iam.tokens.list.query({ limit: 200 }) },
  { name: "iam.me", limits: "(baseline)", call: (api) => api.iam.me.query() },
];

type Row = {
  index: number;
  procedure: string;
  limits: string;
  p50: number;
  max: number;
  serverP50: number;
  kB: number;
  healthP50: number;
  healthMax: number;
};

/** The server's own duration for a request, from its access log line. */
function serverDurationMs(id: string): number {
  const line = server
    .stdout()
    .split("\n")
    .find((text) => text.includes(`"requestId":"${id}"`) && text.includes('"msg":"request completed"'));
  return line ? (JSON.parse(line) as { durationMs: number }).durationMs : Number.NaN;
}

async function measure(entry: Case, index: number): Promise<Row> {
  for (let i = 0; i < WARMUP; i++) {
    requestId = `warmup-${index}-${i}`;
    await entry.call(clients[entry.as ?? "large"]);
  }
  const wall: number[] = [];
  const { healthMs } = await probeHealthDuring(baseUrl, async () => {
    for (let i = 0; i < SAMPLES; i++) {
      requestId = `bench-${index}-${i}`;
      const started = performance.now();
      await entry.call(clients[entry.as ?? "large"]);
      wall.push(performance.now() - started);
    }
  });
  return {
    index,
    procedure: entry.name,
    limits: entry.limits,
    p50: percentile(wall, 50),
    max: Math.max(...wall),
    serverP50: Number.NaN,
    kB: lastResponseBytes / 1024,
    healthP50: percentile(healthMs, 50),
    healthMax: Math.max(...healthMs),
  };
}

const rows: Row[] = [];
for (const [index, entry] of cases.entries()) rows.push(await measure(entry, index));
// The access log line is written after the answer goes out: read them once all are in.
await server.waitForOutput(
  new RegExp(`"requestId":"bench-${cases.length - 1}-${SAMPLES - 1}"`),
  "the last access log line",
);
for (const row of rows) {
  const durations = Array.from({ length: SAMPLES }, (_, i) => serverDurationMs(`bench-${row.index}-${i}`));
  row.serverP50 = percentile(durations, 50);
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
console.log(
  `\nLimits benchmark (${kind} database; ${LARGE_ACCOUNT.tasks} tasks, ${LARGE_ACCOUNT.planners} planners, ` +
    `${LARGE_ACCOUNT.calendars} calendars x ${97 * LARGE_ACCOUNT.eventsPerCalendarDay} busy events, ` +
    `${LARGE_ACCOUNT.projects} projects, ${LARGE_ACCOUNT.notifications} notifications; ${SAMPLES} calls each)`,
);
console.table(
  rows.map((row) => ({
    procedure: row.procedure,
    "at its limits": row.limits,
    p50: ms(row.p50),
    max: ms(row.max),
    "server p50": ms(row.serverP50),
    response: `${row.kB.toFixed(0)} kB`,
    "/health p50": ms(row.healthP50),
    "/health max": ms(row.healthMax),
  })),
);
const slowest = rows.reduce((worst, row) => (row.max > worst.max ? row : worst));
const worstHealth = rows.reduce((worst, row) => (row.healthMax > worst.healthMax ? row : worst));
console.log(
  `Slowest valid request: ${slowest.procedure} (${slowest.limits}) max ${ms(slowest.max)}; ` +
    `longest /health wait: ${ms(worstHealth.healthMax)} during ${worstHealth.procedure}.`,
);

afterAll(async () => {
  await server.stop();
  await calendars.close();
  await target?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`the large account at the documented limits (${kind})`, () => {
  bench(
    `scheduler.plan.preview, 90 days, ${AT_OPEN_TASK_CAP.tasks} open tasks`,
    async () => {
      await clients.atCap.scheduler.plan.preview.query(PLAN_AT_LIMITS);
    },
    { iterations: 3, warmupIterations: 0 },
  );
});
