import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Relative path in the fixture repository -> file content. */
export type FixtureFiles = Record<string, string>;

export type FixtureRepo = { root: string; dispose(): Promise<void> };

const packageJson = (name: string, exports: Record<string, string>) =>
  JSON.stringify({ name, type: "module", exports });

/**
 * A miniature of the monorepo: the same folders and workspace packages (resolved through
 * their package.json `exports`, as pnpm links them), a few modules per layer, and stand-ins
 * for Prisma and tRPC. Every import in it is allowed, so a test adds one file and sees
 * exactly the violations that file causes.
 */
export const ALLOWED_FILES: FixtureFiles = {
  "packages/db/package.json": packageJson("@agendacraft/db", {
    "./client": "./src/create-database.ts",
    "./prisma": "./src/generated/prisma/client.ts",
    "./jobs": "./src/jobs/index.ts",
    "./testing": "./src/testing/index.ts",
  }),
  "packages/db/src/create-database.ts": `import { PrismaClient } from "./generated/prisma/client.ts";\nexport const createDatabase = () => new PrismaClient();\n`,
  "packages/db/src/generated/prisma/client.ts": `export { PrismaClient } from "@prisma/client";\n`,
  "packages/db/src/jobs/index.ts": "export type JobSender = { send(name: string): Promise<void> };\n",
  "packages/db/src/testing/index.ts": `export { createDatabase as createTestDatabase } from "../create-database.ts";\n`,

  "packages/domain/package.json": packageJson("@agendacraft/domain", {
    "./shared": "./src/shared/index.ts",
    "./scheduler/tasks": "./src/scheduler/tasks/index.ts",
    "./notifier": "./src/notifier/index.ts",
    "./notifier/testing": "./src/notifier/testing/index.ts",
  }),
  "packages/domain/src/shared/index.ts": `import type { createDatabase } from "@agendacraft/db/client";\nexport type DbClient = ReturnType<typeof createDatabase>;\n`,
  "packages/domain/src/notifier/index.ts": `export { syncReminder } from "./reminders/sync-reminder.ts";\n`,
  "packages/domain/src/notifier/events.ts": "export type ReminderSent = { type: 'ReminderSent' };\n",
  "packages/domain/src/notifier/reminders/sync-reminder.ts": `import type { JobSender } from "@agendacraft/db/jobs";\nexport const syncReminder = (jobs: JobSender) => jobs.send("reminder");\n`,
  "packages/domain/src/notifier/testing/index.ts": `export { createTestDatabase } from "@agendacraft/db/testing";\n`,
  "packages/domain/src/scheduler/tasks/index.ts": `export { createTask } from "./create-task.ts";\n`,
  // Another domain through its public entry and its events; its own entities freely; shared.
  "packages/domain/src/scheduler/tasks/create-task.ts": [
    `import type { DbClient } from "../../shared/index.ts";`,
    `import { syncReminder } from "../../notifier/index.ts";`,
    `import type { ReminderSent } from "../../notifier/events.ts";`,
    `import { planOrder } from "../plan/plan-order.ts";`,
    `export const createTask = (db: DbClient, sent: ReminderSent) => [db, sent, syncReminder, planOrder];`,
    "",
  ].join("\n"),
  "packages/domain/src/scheduler/plan/plan-order.ts": "export const planOrder = 1;\n",
  // A test may also use another domain's testing/ helpers.
  "packages/domain/src/scheduler/tasks/create-task.int.test.ts": `import { createTestDatabase } from "@agendacraft/domain/notifier/testing";\nexport const db = createTestDatabase();\n`,

  "packages/api/package.json": packageJson("@agendacraft/api", { ".": "./src/root.ts" }),
  "packages/api/src/root.ts": [
    `import { initTRPC } from "@trpc/server";`,
    `import type { DbClient } from "@agendacraft/domain/shared";`,
    `import { createTask } from "@agendacraft/domain/scheduler/tasks";`,
    `export const appRouter = { t: initTRPC, createTask };`,
    `export type AppRouter = typeof appRouter & { db: DbClient };`,
    "",
  ].join("\n"),
  "packages/api/src/root.int.test.ts": `import { createTestDatabase } from "@agendacraft/db/testing";\nexport const db = createTestDatabase();\n`,

  "packages/client/package.json": packageJson("@agendacraft/client", { ".": "./src/create-client.ts" }),
  "packages/client/src/create-client.ts": `import type { AppRouter } from "@agendacraft/api";\nexport const createClient = (router?: AppRouter) => router;\n`,

  "apps/server/package.json": packageJson("@agendacraft/server", { "./testing": "./src/testing/spawn-server.ts" }),
  "apps/server/src/main.ts": `import { appRouter } from "@agendacraft/api";\nimport { createDatabase } from "@agendacraft/db/client";\nexport const server = [appRouter, createDatabase];\n`,
  "apps/server/src/testing/spawn-server.ts": `import { server } from "../main.ts";\nexport const spawnServer = () => server;\n`,

  "apps/web/src/trpc.ts": `import type { AppRouter } from "@agendacraft/api";\nimport { createClient } from "@agendacraft/client";\nexport const client = createClient() as AppRouter | undefined;\n`,
  "apps/web/src/testing/global-setup.ts": `import { spawnServer } from "@agendacraft/server/testing";\nexport const setup = spawnServer;\n`,

  "scripts/src/ac.ts": `import type { AppRouter } from "@agendacraft/api";\nimport { createClient } from "@agendacraft/client";\nexport const client = createClient() as AppRouter | undefined;\n`,

  "node_modules/@prisma/client/package.json": JSON.stringify({ name: "@prisma/client", main: "index.js" }),
  "node_modules/@prisma/client/index.js": "exports.PrismaClient = class PrismaClient {};\n",
  "node_modules/@trpc/server/package.json": JSON.stringify({ name: "@trpc/server", main: "index.js" }),
  "node_modules/@trpc/server/index.js": "exports.initTRPC = {};\n",
};

/** The workspace links pnpm makes: package name -> its folder. */
const WORKSPACE_LINKS: Record<string, string> = {
  "@agendacraft/db": "packages/db",
  "@agendacraft/domain": "packages/domain",
  "@agendacraft/api": "packages/api",
  "@agendacraft/client": "packages/client",
  "@agendacraft/server": "apps/server",
};

/** Writes ALLOWED_FILES plus `extra` (which may replace one) into a fresh temporary folder. */
export async function createFixtureRepo(extra: FixtureFiles = {}): Promise<FixtureRepo> {
  // realpath: resolved paths are reported relative to the root, so the root must be the real one.
  const root = await realpath(await mkdtemp(join(tmpdir(), "agendacraft-boundaries-")));
  for (const [path, content] of Object.entries({ ...ALLOWED_FILES, ...extra })) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  for (const [name, folder] of Object.entries(WORKSPACE_LINKS)) {
    const link = join(root, "node_modules", name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(join(root, folder), link, "dir");
  }
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}
