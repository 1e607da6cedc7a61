// pnpm db:seed — fills the demo account (see the README) on the database the server
// uses: DATABASE_URL, or the embedded one in DATA_DIR (stop the server first: the
// embedded database belongs to one process at a time).
import { createDatabase } from "@agendacraft/db/client";
import { createJobQueue } from "@agendacraft/db/jobs";
import { createAuth, getAuthSecret } from "@agendacraft/domain/iam";
import { systemClock } from "@agendacraft/domain/shared";
import { createEventOutbox, DISPATCH_EVENTS_QUEUE_OPTIONS, DispatchEventsJob } from "@agendacraft/domain/shared/events";
import { readDatabaseEnv, readSeedEnv } from "./lib/env.ts";
import { seedDemo } from "./seed/seed-demo.ts";

const { databaseUrl, dataDir } = readDatabaseEnv();
console.log(databaseUrl ? "Opening the PostgreSQL database in DATABASE_URL..." : "Opening the embedded database...");
const db = await createDatabase({ url: databaseUrl, dataDir, migrate: true });
// Only to enqueue (no workers, no maintenance): the server's worker delivers the events.
const jobs = createJobQueue({ pool: db.pool, maintenance: false });
try {
  await jobs.start();
  await jobs.defineQueue(DispatchEventsJob.name, DISPATCH_EVENTS_QUEUE_OPTIONS);
  const { publicUrl, authSecret, timeZone } = readSeedEnv();
  const auth = createAuth({
    prisma: db.prisma,
    secret: await getAuthSecret({ db: db.prisma, configured: authSecret }),
    baseURL: publicUrl,
    trustedOrigins: [publicUrl],
  });
  const events = createEventOutbox({ jobs, clock: systemClock });
  const result = await seedDemo({ prisma: db.prisma, auth, clock: systemClock, events, timeZone, print: console.log });
  console.log(
    `Done. Sign in at ${publicUrl} as ${result.email} with password "${result.password}" (${result.tasks} tasks).`,
  );
} catch (error) {
  console.error(`Seeding failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await jobs.stop();
  await db.close();
}
