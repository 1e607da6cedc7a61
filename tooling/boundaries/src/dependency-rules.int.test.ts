import { describe, expect, it } from "vitest";
import { cruiseWithRepoConfig, type Violation } from "./cruise-with-repo-config.ts";
import { createFixtureRepo, type FixtureFiles } from "./fixture-repo.ts";

/** Cruises a fixture repository (the allowed files plus `files`) from `files` and returns what the rules report. */
async function violationsOf(files: FixtureFiles): Promise<Violation[]> {
  const repo = await createFixtureRepo(files);
  try {
    const { violations } = await cruiseWithRepoConfig({ baseDir: repo.root, paths: Object.keys(files) });
    return violations;
  } finally {
    await repo.dispose();
  }
}

const rulesOf = (violations: Violation[]) => [...new Set(violations.map((violation) => violation.rule))].sort();

describe("the dependency rules of pnpm lint, on a fixture of the repository", () => {
  it("pass every allowed kind of import (public entries, events, type-only API imports, test helpers)", async () => {
    const repo = await createFixtureRepo();
    try {
      const { violations, result } = await cruiseWithRepoConfig({
        baseDir: repo.root,
        paths: ["apps", "packages", "scripts"],
      });
      expect(violations).toEqual([]);
      // Not vacuous: the workspace imports resolved through `exports` to the TypeScript sources.
      const web = result.modules.find((module) => module.source === "apps/web/src/trpc.ts");
      expect(web?.dependencies.map((dependency) => dependency.resolved).sort()).toEqual([
        "packages/api/src/root.ts",
        "packages/client/src/create-client.ts",
      ]);
    } finally {
      await repo.dispose();
    }
  });

  describe("2. domains meet only at their public entries", () => {
    it("fails a domain importing another domain's internals", async () => {
      const violations = await violationsOf({
        "packages/domain/src/scheduler/tasks/complete-task.ts": `import { syncReminder } from "../../notifier/reminders/sync-reminder.ts";\nexport const completeTask = syncReminder;\n`,
      });
      expect(violations).toEqual([
        {
          rule: "domain-through-public-entry",
          severity: "error",
          from: "packages/domain/src/scheduler/tasks/complete-task.ts",
          to: "packages/domain/src/notifier/reminders/sync-reminder.ts",
        },
      ]);
    });

    it("fails production code of a domain importing another domain's testing helpers", async () => {
      const violations = await violationsOf({
        "packages/domain/src/scheduler/tasks/seed-tasks.ts": `import { createTestDatabase } from "../../notifier/testing/index.ts";\nexport const seed = createTestDatabase;\n`,
      });
      expect(rulesOf(violations)).toEqual(["domain-through-public-entry", "no-testing-helpers-in-production"]);
    });

    it("fails a domain's test importing another domain's internals", async () => {
      const violations = await violationsOf({
        "packages/domain/src/scheduler/tasks/complete-task.test.ts": `import { syncReminder } from "../../notifier/reminders/sync-reminder.ts";\nexport const reminder = syncReminder;\n`,
      });
      expect(rulesOf(violations)).toEqual(["domain-tests-through-public-entry"]);
    });

    it("fails a domain's testing helper importing another domain's internals", async () => {
      const violations = await violationsOf({
        "packages/domain/src/scheduler/testing/seed-reminders.ts": `import { syncReminder } from "../../notifier/reminders/sync-reminder.ts";\nexport const seed = syncReminder;\n`,
      });
      expect(rulesOf(violations)).toEqual(["domain-tests-through-public-entry"]);
    });

    it("fails shared importing a domain", async () => {
      const violations = await violationsOf({
        "packages/domain/src/shared/order.ts": `import { planOrder } from "../scheduler/plan/plan-order.ts";\nexport const order = planOrder;\n`,
      });
      expect(rulesOf(violations)).toEqual(["shared-imports-no-domain"]);
    });
  });

  describe("1. layers: apps -> api -> domain -> db", () => {
    it.each([
      {
        rule: "domain-only-to-db",
        file: "packages/domain/src/scheduler/tasks/list-routes.ts",
        source: `import { appRouter } from "@agendacraft/api";\nexport const routes = appRouter;\n`,
      },
      {
        rule: "domain-not-to-trpc",
        file: "packages/domain/src/scheduler/tasks/task-error.ts",
        source: `import { initTRPC } from "@trpc/server";\nexport const t = initTRPC;\n`,
      },
      {
        rule: "db-not-to-other-packages",
        file: "packages/db/src/db-types.ts",
        source: `import type { DbClient } from "@agendacraft/domain/shared";\nexport type Client = DbClient;\n`,
      },
      {
        rule: "api-only-to-domain",
        file: "packages/api/src/jobs.ts",
        source: `import type { JobSender } from "@agendacraft/db/jobs";\nexport type Jobs = JobSender;\n`,
      },
      {
        rule: "web-only-types-from-api",
        file: "apps/web/src/router.ts",
        source: `import { appRouter } from "@agendacraft/api";\nexport const router = appRouter;\n`,
      },
      {
        rule: "web-only-to-client",
        file: "apps/web/src/tasks.ts",
        source: `import { createTask } from "@agendacraft/domain/scheduler/tasks";\nexport const create = createTask;\n`,
      },
      {
        rule: "client-only-types-from-api",
        file: "packages/client/src/local-router.ts",
        source: `import { appRouter } from "@agendacraft/api";\nexport const router = appRouter;\n`,
      },
      {
        rule: "scripts-only-types-from-api",
        file: "scripts/src/local-router.ts",
        source: `import { appRouter } from "@agendacraft/api";\nexport const router = appRouter;\n`,
      },
    ])("$rule: fails $file", async ({ rule, file, source }) => {
      const violations = await violationsOf({ [file]: source });
      expect(violations.filter((violation) => violation.from === file).map((violation) => violation.rule)).toContain(
        rule,
      );
      expect(violations.every((violation) => violation.severity === "error")).toBe(true);
    });

    it("fails tooling importing the app's code (the fake Google speaks to it over HTTP only)", async () => {
      const violations = await violationsOf({
        "tooling/fake-google/src/calendar-store.ts": `import { planOrder } from "../../../packages/domain/src/scheduler/plan/plan-order.ts";\nexport const order = planOrder;\n`,
      });
      expect(rulesOf(violations)).toContain("tooling-stands-alone");
    });

    it("fails production code loading the fake Google, and lets tests use it", async () => {
      const fake = `export const startFakeGoogle = () => "fake";\n`;
      const uses = `import { startFakeGoogle } from "../../../../tooling/fake-google/src/index.ts";\nexport const start = startFakeGoogle;\n`;
      const violations = await violationsOf({
        "tooling/fake-google/src/index.ts": fake,
        "packages/domain/src/notifier/google.ts": uses,
        "packages/domain/src/notifier/google.int.test.ts": uses,
      });
      expect(violations.map((violation) => [violation.rule, violation.from])).toEqual([
        ["fake-google-only-in-tests", "packages/domain/src/notifier/google.ts"],
      ]);
    });

    it("lets the generated OpenAPI client read the document and test servers, nothing else of the app", async () => {
      const violations = await violationsOf({
        "packages/api/src/rest/index.ts": "export const openApiDocument = () => ({});\n",
        "tooling/openapi-client/src/cli/generate.ts": `import { openApiDocument } from "../../../../packages/api/src/rest/index.ts";\nexport const document = openApiDocument;\n`,
        "tooling/openapi-client/src/flow.int.test.ts": `import { createTestDatabase } from "../../../packages/db/src/testing/index.ts";\nexport const db = createTestDatabase;\n`,
        "tooling/openapi-client/src/order.ts": `import { planOrder } from "../../../packages/domain/src/scheduler/plan/plan-order.ts";\nexport const order = planOrder;\n`,
      });
      expect(violations.map((violation) => [violation.rule, violation.from])).toEqual([
        ["openapi-client-sees-only-the-document", "tooling/openapi-client/src/order.ts"],
      ]);
    });

    it("fails a package importing an app", async () => {
      const violations = await violationsOf({
        "packages/api/src/server.ts": `import { spawnServer } from "@agendacraft/server/testing";\nexport const server = spawnServer;\n`,
      });
      expect(rulesOf(violations)).toContain("packages-not-to-apps");
    });
  });

  describe("3. no Prisma in packages/api", () => {
    it.each([
      [
        "@prisma/client",
        "packages/api/src/prisma.ts",
        `import { PrismaClient } from "@prisma/client";\nexport const p = PrismaClient;\n`,
      ],
      [
        "@agendacraft/db/client, even for a type",
        "packages/api/src/deps.ts",
        `import type { createDatabase } from "@agendacraft/db/client";\nexport type Db = typeof createDatabase;\n`,
      ],
      [
        "the generated client, from a test",
        "packages/api/src/seed.int.test.ts",
        `import { PrismaClient } from "@agendacraft/db/prisma";\nexport const p = PrismaClient;\n`,
      ],
    ])("fails an import of %s", async (_what, file, source) => {
      const violations = await violationsOf({ [file]: source });
      expect(violations.filter((violation) => violation.from === file).map((violation) => violation.rule)).toContain(
        "api-no-prisma",
      );
    });
  });

  describe("5. cycles", () => {
    it("fails a cycle of runtime imports", async () => {
      const violations = await violationsOf({
        "packages/domain/src/scheduler/plan/first.ts": `import { second } from "./second.ts";\nexport const first = () => second;\n`,
        "packages/domain/src/scheduler/plan/second.ts": `import { first } from "./first.ts";\nexport const second = () => first;\n`,
      });
      expect(violations.filter((violation) => violation.rule === "no-circular").length).toBeGreaterThan(0);
      expect(violations.find((violation) => violation.rule === "no-circular")?.severity).toBe("error");
    });

    it("only warns about a cycle closed by an import type", async () => {
      const violations = await violationsOf({
        "packages/domain/src/scheduler/plan/first.ts": `import { second } from "./second.ts";\nexport type First = { n: number };\nexport const first = () => second;\n`,
        "packages/domain/src/scheduler/plan/second.ts": `import type { First } from "./first.ts";\nexport const second = (value: First) => value;\n`,
      });
      expect(rulesOf(violations)).toEqual(["no-circular-types"]);
      expect(violations.every((violation) => violation.severity === "warn")).toBe(true);
    });
  });

  it("fails an import that resolves to nothing, since it would hide an edge from every rule", async () => {
    const violations = await violationsOf({
      "packages/domain/src/scheduler/tasks/typo.ts": `import { planOrder } from "../plan/plan-ordr.ts";\nexport const order = planOrder;\n`,
    });
    expect(rulesOf(violations)).toEqual(["not-to-unresolvable"]);
  });
});
