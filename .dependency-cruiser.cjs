// The dependency boundaries of ARCHITECTURE.md, checked by `pnpm lint` (lint:deps).
// Paths are relative to the repository root; workspace packages resolve through their
// package.json `exports` to their TypeScript sources, so `@agendacraft/domain/scheduler/tasks`
// is the edge to packages/domain/src/scheduler/tasks/index.ts.
// tooling/boundaries/src/dependency-rules.int.test.ts proves each rule fires on a deliberate
// violation. lint:deps skips the violations listed in .dependency-cruiser-known-violations.json.
// process.env outside env.ts files is biome's noProcessEnv (biome.json): this tool sees imports only.

/**
 * Test code: may reach test helpers (`testing/`) that production code may not. The server's
 * fuzz/ folder is the fuzz test's harness (fuzz.int.test.ts is its only user).
 */
const TEST_FILE = "(\\.test\\.tsx?|\\.bench\\.ts)$|/testing/|^apps/web/e2e/|^apps/server/src/fuzz/";

/** A domain's public entries: `<domain>/index.ts`, `<domain>/<entity>/index.ts`, `<domain>/events.ts`. */
const DOMAIN_PUBLIC_ENTRY = [
  "^packages/domain/src/[^/]+/index\\.ts$",
  "^packages/domain/src/[^/]+/(?!testing/)[^/]+/index\\.ts$",
  "^packages/domain/src/[^/]+/events\\.ts$",
];

/** Prisma itself, the client factory, and the generated client. */
const PRISMA = [
  // Resolved paths run through node_modules/.pnpm/...; unresolved ones are the bare name.
  "(^|/)(@prisma|\\.prisma)/",
  "(^|/)node_modules/prisma/",
  "^packages/db/src/create-database\\.ts$",
  "^packages/db/src/generated/",
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // 1. Layers: apps -> api -> domain -> db.
    {
      name: "packages-not-to-apps",
      comment: "Packages are libraries for the apps; an app's code is never imported by a package.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "db-not-to-other-packages",
      comment: "packages/db is the bottom layer: it imports no other workspace package.",
      severity: "error",
      from: { path: "^packages/db/" },
      to: { path: "^(packages|apps|scripts)/", pathNot: "^packages/db/" },
    },
    {
      name: "domain-only-to-db",
      comment: "packages/domain sits on packages/db only: never the API, the client, or an app.",
      severity: "error",
      from: { path: "^packages/domain/" },
      to: { path: "^(packages|apps|scripts)/", pathNot: "^packages/(domain|db)/" },
    },
    {
      name: "domain-not-to-trpc",
      comment: "Business logic knows no transport: tRPC belongs to packages/api.",
      severity: "error",
      from: { path: "^packages/domain/" },
      to: { path: "(^|/)@trpc/" },
    },
    {
      name: "api-only-to-domain",
      comment:
        "packages/api reaches the database only through packages/domain (its ServerDeps types come from " +
        "@agendacraft/domain/shared). Its tests may use the db package's test databases and job queue.",
      severity: "error",
      from: { path: "^packages/api/", pathNot: TEST_FILE },
      to: { path: "^(packages|apps|scripts)/", pathNot: "^packages/(api|domain)/" },
    },
    {
      name: "api-tests-only-to-db-testing",
      comment: "packages/api tests may add test databases and a job queue from packages/db, nothing else below domain.",
      severity: "error",
      from: { path: "^packages/api/.*((\\.test\\.tsx?|\\.bench\\.ts)$|/testing/)" },
      to: { path: "^(packages|apps|scripts)/", pathNot: "^packages/(api|domain)/|^packages/db/src/(testing|jobs)/" },
    },
    {
      name: "client-only-types-from-api",
      comment: "packages/client ships to browsers and scripts: from packages/api it takes types only (AppRouter).",
      severity: "error",
      from: { path: "^packages/client/", pathNot: TEST_FILE },
      to: { path: "^packages/api/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "client-not-below-api",
      comment: "packages/client talks to the server over HTTP: it never imports the domain or the database.",
      severity: "error",
      from: { path: "^packages/client/", pathNot: TEST_FILE },
      to: { path: "^(packages|apps|scripts)/", pathNot: "^packages/(client|api)/" },
    },
    {
      name: "web-only-types-from-api",
      comment: "The web app imports the API for its types (AppRouter, RouterInputs/Outputs) only, never server code.",
      severity: "error",
      from: { path: "^apps/web/" },
      to: { path: "^packages/api/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "web-only-to-client",
      comment:
        "The web app talks to the server through packages/client, and validates forms with the domain's " +
        "browser-safe schemas entries (checked by packages/domain/src/schema-entries.test.ts). Its test " +
        "setup may start a server through apps/server's testing helpers, on storage from packages/db's.",
      severity: "error",
      from: { path: "^apps/web/" },
      to: {
        path: "^(packages|apps|scripts)/",
        pathNot: [
          "^apps/web/",
          "^packages/(client|api)/",
          "^packages/domain/src/[a-z/-]+/schemas\\.ts$",
          "^apps/server/src/testing/",
          "^packages/db/src/testing/",
        ],
      },
    },
    {
      name: "web-server-helpers-only-in-tests",
      comment: "Only the web app's test setup may start a server.",
      severity: "error",
      from: { path: "^apps/web/", pathNot: TEST_FILE },
      to: { path: "^apps/server/" },
    },
    {
      name: "server-not-to-other-apps",
      comment: "apps/server composes api, domain and db (it builds the database and the job queue); not other apps.",
      severity: "error",
      from: { path: "^apps/server/" },
      to: { path: "^(apps|scripts)/", pathNot: "^apps/server/" },
    },
    {
      name: "server-client-only-in-tests",
      comment: "The server's own tests call it through the typed client; the server itself never does.",
      severity: "error",
      from: { path: "^apps/server/", pathNot: TEST_FILE },
      to: { path: "^packages/client/" },
    },
    {
      name: "scripts-layers",
      comment:
        "scripts/ talk to a server through packages/client (API types only). The admin scripts that " +
        "work on a stopped server's database (db:seed, jobs) use db and domain; tests may start a server.",
      severity: "error",
      from: { path: "^scripts/" },
      to: {
        path: "^(packages|apps)/",
        pathNot: ["^packages/(client|api|domain|db)/", "^apps/server/src/testing/"],
      },
    },
    {
      name: "scripts-only-types-from-api",
      comment: "scripts/ take AppRouter types from packages/api; calls go through packages/client.",
      severity: "error",
      from: { path: "^scripts/", pathNot: TEST_FILE },
      to: { path: "^packages/api/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "scripts-server-helpers-only-in-tests",
      comment: "Only scripts' tests start a server.",
      severity: "error",
      from: { path: "^scripts/", pathNot: TEST_FILE },
      to: { path: "^apps/" },
    },
    {
      name: "no-testing-helpers-in-production",
      comment: "`testing/` folders hold test helpers (test databases, fake servers): production code never loads them.",
      severity: "error",
      from: { path: "^(apps|packages|scripts)/", pathNot: TEST_FILE },
      to: { path: "^(apps|packages|scripts)/.+/testing/" },
    },

    {
      name: "tooling-stands-alone",
      comment:
        "tooling/ (the fake Google and Todoist, the boundary checks) serves tests and people from outside the app: it " +
        "speaks to the app over HTTP only, never through the app's own code.",
      severity: "error",
      from: { path: "^tooling/", pathNot: "^tooling/openapi-client/" },
      to: { path: "^(apps|packages|scripts)/" },
    },
    {
      name: "openapi-client-sees-only-the-document",
      comment:
        "tooling/openapi-client is a client generated from the REST API's OpenAPI document: it reads the document " +
        "(packages/api/src/rest/index.ts, at generate time) and starts the real server in its tests, nothing else.",
      severity: "error",
      from: { path: "^tooling/openapi-client/" },
      to: {
        path: "^(apps|packages|scripts)/",
        pathNot: [
          "^packages/api/src/rest/index\\.ts$",
          "^apps/server/src/testing/(start-test-server|rest)\\.ts$",
          "^packages/db/src/testing/index\\.ts$",
        ],
      },
    },

    {
      name: "fake-google-only-in-tests",
      comment: "The fake Google stands in for Google in tests and local trials: production code never loads it.",
      severity: "error",
      from: { path: "^(apps|packages|scripts)/", pathNot: TEST_FILE },
      to: { path: "^tooling/fake-google/" },
    },

    {
      name: "fake-todoist-only-in-tests",
      comment: "The fake Todoist stands in for Todoist in tests and local trials: production code never loads it.",
      severity: "error",
      from: { path: "^(apps|packages|scripts)/", pathNot: TEST_FILE },
      to: { path: "^tooling/fake-todoist/" },
    },

    // 2. Domains meet only at their public entries.
    {
      name: "domain-through-public-entry",
      comment:
        "A domain uses another only through its public entry: <domain>/index.ts, <domain>/<entity>/index.ts " +
        "or <domain>/events.ts (tests may also use <domain>/testing/). Internals are free to change.",
      severity: "error",
      from: { path: "^packages/domain/src/([^/]+)/", pathNot: ["^packages/domain/src/shared/", TEST_FILE] },
      to: {
        path: "^packages/domain/src/",
        pathNot: ["^packages/domain/src/$1/", "^packages/domain/src/shared/", ...DOMAIN_PUBLIC_ENTRY],
      },
    },
    {
      name: "domain-tests-through-public-entry",
      comment:
        "Tests (and testing/ helpers) of one domain use another through its public entry or its testing/ helpers.",
      severity: "error",
      from: {
        path: "^packages/domain/src/([^/]+)/(.+\\.test\\.tsx?|.+\\.bench\\.ts|testing/.+|.+/testing/.+)$",
        pathNot: "^packages/domain/src/shared/",
      },
      to: {
        path: "^packages/domain/src/",
        pathNot: [
          "^packages/domain/src/$1/",
          "^packages/domain/src/shared/",
          "^packages/domain/src/[^/]+/testing/",
          ...DOMAIN_PUBLIC_ENTRY,
        ],
      },
    },
    {
      name: "shared-imports-no-domain",
      comment: "domain/shared is used by every domain, so it depends on none.",
      severity: "error",
      from: { path: "^packages/domain/src/shared/" },
      to: { path: "^packages/domain/src/", pathNot: "^packages/domain/src/shared/" },
    },

    // 3. No Prisma in packages/api.
    {
      name: "api-no-prisma",
      comment:
        "Routers are glue over domain services: packages/api (tests included) never touches Prisma, " +
        "the client factory or the generated client. Services take the client as `db`.",
      severity: "error",
      from: { path: "^packages/api/" },
      to: { path: PRISMA },
    },

    // 5. Cycles.
    {
      name: "no-circular",
      comment: "A cycle of runtime imports between files makes load order matter and the modules inseparable.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-circular-types",
      comment:
        "A cycle closed by an `import type` is harmless at runtime (types are erased) but still ties the " +
        "files together: move the shared type to its own file.",
      severity: "warn",
      from: {},
      to: { circular: true },
    },

    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing would hide an edge from every rule above.",
      severity: "error",
      from: { path: "^(apps|packages|scripts|tooling)/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // `import type` edges count (the web's AppRouter import is one), and rules can tell them apart.
    tsPreCompilationDeps: true,
    doNotFollow: { path: ["node_modules", "^packages/db/src/generated/"] },
    exclude: { path: ["(^|/)(dist|coverage|\\.turbo|\\.data|test-output)/"] },
    enhancedResolveOptions: {
      // Workspace packages export their TypeScript sources through package.json `exports`.
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
