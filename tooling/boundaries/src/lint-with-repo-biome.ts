import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./cruise-with-repo-config.ts";

const run = promisify(execFile);
const BIOME = join(dirname(createRequire(import.meta.url).resolve("@biomejs/biome/package.json")), "bin", "biome");

export type LintDiagnostic = { path: string; category: string };

/**
 * Lints `files` (relative path -> content) with the repository's biome.json, laid out in a
 * temporary folder as they would be in the repository, so the config's per-path overrides apply.
 */
export async function lintWithRepoBiome(files: Record<string, string>): Promise<LintDiagnostic[]> {
  const root = await realpath(await mkdtemp(join(tmpdir(), "agendacraft-biome-")));
  try {
    const config = JSON.parse(await readFile(join(REPO_ROOT, "biome.json"), "utf8"));
    // The copy has no git repository to read .gitignore from, and no node_modules for the schema.
    const { $schema: _schema, ...rest } = config;
    await writeFile(join(root, "biome.json"), JSON.stringify({ ...rest, vcs: { enabled: false } }));
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    // Exit code 1 means "diagnostics found"; the JSON report says which.
    const { stdout } = await run(BIOME, ["lint", "--reporter=json", "--max-diagnostics=none", "."], {
      cwd: root,
    }).catch((error: { stdout?: string; code?: number }) => {
      if (error.code === 1 && error.stdout) return { stdout: error.stdout };
      throw error;
    });
    const report = JSON.parse(stdout) as { diagnostics: { category: string; location: { path: string } }[] };
    return report.diagnostics.map((diagnostic) => ({ path: diagnostic.location.path, category: diagnostic.category }));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
