import { describe, expect, it } from "vitest";
import { cruiseWithRepoConfig, REPO_ROOT } from "./cruise-with-repo-config.ts";

const PATHS = ["apps", "packages", "scripts", "tooling"];

describe("the repository's own dependency graph", () => {
  it("breaks no rule beyond the known violations, and the rules see its real edges", async () => {
    const { violations, result } = await cruiseWithRepoConfig({ baseDir: REPO_ROOT, paths: PATHS, ignoreKnown: true });
    expect(violations.filter((violation) => violation.severity === "error")).toEqual([]);

    const edges = new Map(
      result.modules.flatMap((module) =>
        module.dependencies.map((dependency) => [`${module.source} -> ${dependency.resolved}`, dependency] as const),
      ),
    );
    // Workspace packages through their `exports` (to TypeScript sources), and a relative `.ts` import.
    expect(
      edges.has("packages/api/src/routers/scheduler/tasks.ts -> packages/domain/src/scheduler/tasks/index.ts"),
    ).toBe(true);
    expect(edges.has("packages/api/src/context.ts -> packages/domain/src/shared/index.ts")).toBe(true);
    expect(edges.has("packages/api/src/context.ts -> packages/api/src/batch-limit.ts")).toBe(true);
    // The web's AppRouter import is seen, and seen as type-only (what its rule allows).
    expect(edges.get("apps/web/src/trpc.ts -> packages/api/src/root.ts")?.dependencyTypes).toContain("type-only");
  });
});
