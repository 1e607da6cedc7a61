import { describe, expect, it } from "vitest";
import { lintWithRepoBiome } from "./lint-with-repo-biome.ts";

const READS_ENV = "export const port = process.env.PORT;\n";

describe("4. process.env only in env.ts files (biome noProcessEnv with the repository's overrides)", () => {
  it("fails a read outside env.ts in apps, packages and scripts, and allows env.ts, tests, test helpers and configs", async () => {
    const diagnostics = await lintWithRepoBiome({
      "packages/api/src/routers/read-port.ts": READS_ENV,
      "packages/domain/src/notifier/mail/read-port.ts": READS_ENV,
      "apps/server/src/read-port.ts": READS_ENV,
      "scripts/src/read-port.ts": READS_ENV,
      "apps/server/src/env.ts": READS_ENV,
      "scripts/src/lib/env.ts": READS_ENV,
      "packages/domain/src/notifier/mail/send-mail.int.test.ts": READS_ENV,
      "packages/db/src/testing/test-database.ts": READS_ENV,
      "apps/server/src/large-account.bench.ts": READS_ENV,
      "apps/web/e2e/browser.ts": READS_ENV,
      "apps/web/vite.config.ts": READS_ENV,
    });
    const flagged = diagnostics.filter((diagnostic) => diagnostic.category === "lint/style/noProcessEnv");
    expect(flagged.map((diagnostic) => diagnostic.path).sort()).toEqual([
      "apps/server/src/read-port.ts",
      "packages/api/src/routers/read-port.ts",
      "packages/domain/src/notifier/mail/read-port.ts",
      "scripts/src/read-port.ts",
    ]);
  });
});
