import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The web bundles every `.../schemas` entry of this package to validate its forms with the
 * server's own rules. Those entries must reach nothing but zod and pure code of ours: no
 * Prisma, no node:* module, no server globals, no other workspace package. This walks the
 * import graph of each entry (type-only imports included, to keep the rule simple) and
 * lists every import that would break that.
 */

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Packages that run in a browser as they are. */
const BROWSER_SAFE_PACKAGES = new Set(["zod", "temporal-polyfill"]);
/** Node-only globals a schema file must not touch. */
const SERVER_GLOBAL = /\b(?:process|Buffer|__dirname|require)\s*[.(]/;

function schemaEntries(): [string, string][] {
  const manifest = JSON.parse(readFileSync(resolve(packageRoot, "package.json"), "utf8")) as {
    exports: Record<string, string>;
  };
  return Object.entries(manifest.exports).filter(([subpath]) => subpath.endsWith("/schemas"));
}

/** What the graph under `entry` reaches that a browser bundle must not contain ("file -> import"). */
function forbiddenImports(entry: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const pending = [resolve(packageRoot, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    const at = file.slice(packageRoot.length + 1);
    if (SERVER_GLOBAL.test(text)) problems.push(`${at} -> a Node.js global`);
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (specifier.startsWith(".")) pending.push(resolve(dirname(file), specifier));
      else if (!BROWSER_SAFE_PACKAGES.has(specifier)) problems.push(`${at} -> ${specifier}`);
    }
  }
  return problems;
}

describe("schemas entries", () => {
  it("exist for every domain whose inputs the web's forms validate", () => {
    expect(schemaEntries().map(([subpath]) => subpath)).toEqual(
      expect.arrayContaining([
        "./iam/schemas",
        "./scheduler/areas/schemas",
        "./scheduler/projects/schemas",
        "./scheduler/planners/schemas",
        "./scheduler/tasks/schemas",
        "./scheduler/recurrence/schemas",
        "./notifier/schemas",
      ]),
    );
  });

  it.each(schemaEntries())("%s reaches only zod and pure code", (_subpath, entry) => {
    expect(forbiddenImports(entry)).toEqual([]);
  });

  it("would notice a service entry, which reaches the database", () => {
    expect(forbiddenImports("./src/scheduler/tasks/index.ts")).toEqual(
      expect.arrayContaining([expect.stringMatching(/-> @agendacraft\/db/)]),
    );
  });
});
