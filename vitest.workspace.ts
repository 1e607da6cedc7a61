import { fileURLToPath } from "node:url";
import type { TestProjectInlineConfiguration } from "vitest/config";

// Absolute, so packages can run `vitest --config ../../vitest.config.ts` from their own folder.
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The single list of test projects: one per package or app, with its environment.
 * `*.test.ts` are pure and fast; `*.int.test.ts` use a real database (embedded PGlite,
 * or PostgreSQL when TEST_DATABASE_URL is set) and real HTTP servers.
 */
/**
 * `*.pg.int.test.ts` files need a PostgreSQL server (two sessions at once, which the embedded
 * database cannot have): they are collected only when TEST_DATABASE_URL names one, as in CI's
 * PostgreSQL step, instead of showing up as skipped tests in the embedded run.
 */
const serverOnly = process.env.TEST_DATABASE_URL ? [] : ["src/**/*.pg.int.test.ts"];

/**
 * TEST_INTEGRATION_ONLY=true (`pnpm test:int`, CI's PostgreSQL step) collects only the
 * `*.int.test.ts` files: the ones whose result can differ on another database. Pure tests,
 * the web's component tests and the browser tests ran in the embedded pass already and
 * would only repeat it (vitest skips a project's globalSetup when it has no files).
 */
export const integrationOnly = process.env.TEST_INTEGRATION_ONLY === "true";

const node = (name: string, root: string): TestProjectInlineConfiguration => ({
  test: {
    name,
    root: at(root),
    environment: "node",
    include: [integrationOnly ? "src/**/*.int.test.ts" : "src/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...serverOnly],
    // A zone with a non-whole-hour offset, so code that leans on the machine's zone fails here.
    env: { TZ: "Asia/Kathmandu" },
    // Files run one after another in a reused worker instead of a fresh process each: the
    // server's module graph (Fastify, tRPC, better-auth, Prisma) took ~10 s of a loaded 2-core
    // machine to import per file (81 s of 217 s for 8 server files; 9 s of 80 s without).
    // Each file still gets its own database and servers from its hooks; tests that change
    // process state (TZ) put it back.
    isolate: false,
    // Integration files start databases and servers; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default [
  node("db", "packages/db"),
  node("domain", "packages/domain"),
  node("api", "packages/api"),
  node("client", "packages/client"),
  node("server", "apps/server"),
  node("scripts", "scripts"),
  // The dependency rules of `pnpm lint`, proven on fixtures and on the real tree.
  node("boundaries", "tooling/boundaries"),
  // The fake Google the integration tests and `pnpm fake:google` run.
  node("fake-google", "tooling/fake-google"),
  // The fake Todoist API v1 the integration tests and `pnpm fake:todoist` run.
  node("fake-todoist", "tooling/fake-todoist"),
  // A client generated from the REST API's OpenAPI document by another toolchain, and the document's validators.
  node("openapi-client", "tooling/openapi-client"),
  {
    test: {
      name: "web",
      root: at("apps/web"),
      environment: "jsdom",
      include: integrationOnly ? [] : ["src/**/*.test.ts", "src/**/*.test.tsx"],
      // As for the node projects: files share a worker and its loaded modules (React, the
      // router, the client) instead of importing them again each; each still gets a fresh DOM.
      isolate: false,
      // One real server process on a fresh embedded database for the whole run (testing/global-setup.ts).
      globalSetup: [at("apps/web/src/testing/global-setup.ts")],
      setupFiles: [at("apps/web/src/testing/setup-testing-library.ts")],
      env: { TZ: "Asia/Kathmandu" },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  {
    // The browser tests: real Chromium against the real server serving the built app.
    test: {
      name: "e2e",
      root: at("apps/web"),
      environment: "node",
      include: integrationOnly ? [] : ["e2e/**/*.e2e.test.ts"],
      globalSetup: [at("apps/web/e2e/global-setup.ts")],
      testTimeout: 180_000,
      hookTimeout: 120_000,
    },
  },
] satisfies TestProjectInlineConfiguration[];
