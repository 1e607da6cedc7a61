import { gzipSync } from "node:zlib";

/**
 * Most JavaScript, in gzip kB, a first visit may download before the app can start: the
 * entry chunk and every chunk it imports statically (what index.html loads or preloads).
 * Pages loaded on first visit (routes.tsx `lazy`) do not count. Measured 209.3 kB (Vite prints a little more) on
 * 2026-12-01; raise it only on purpose, in the same commit as the code that needs it.
 */
export const FIRST_LOAD_BUDGET_KB = 215;

/** The part of a Rollup/Rolldown output chunk the budget reads. */
export type BudgetChunk = { type: "chunk"; fileName: string; isEntry: boolean; imports: string[]; code: string };
type BundleFile = BudgetChunk | { type: "asset"; fileName: string };

export type FirstLoadSize = { gzipKb: number; files: string[] };

/** The entry chunks and their static imports, each counted once, gzipped as a server would send them. */
export function measureFirstLoad(bundle: Record<string, BundleFile>): FirstLoadSize {
  const chunks = new Map<string, BudgetChunk>();
  for (const file of Object.values(bundle)) if (file.type === "chunk") chunks.set(file.fileName, file);
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = chunks.get(fileName);
    if (!chunk || seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const files = [...seen].sort();
  const bytes = files.reduce((sum, name) => sum + gzipSync((chunks.get(name) as BudgetChunk).code).length, 0);
  return { gzipKb: Math.round((bytes / 1000) * 10) / 10, files };
}

/** Null when the first load fits the budget, otherwise the sentence that fails the build. */
export function checkFirstLoadBudget(size: FirstLoadSize, budgetKb: number): string | null {
  if (size.gzipKb <= budgetKb) return null;
  return (
    `First-load JavaScript is ${size.gzipKb} kB gzip, over the budget of ${budgetKb} kB ` +
    `(${size.files.join(", ")}). Load the new code lazily (routes.tsx) or raise FIRST_LOAD_BUDGET_KB ` +
    "in apps/web/src/build-budget/first-load-budget.ts on purpose."
  );
}

/** Vite plugin: fails `vite build` when the first load grows past the budget, and prints the figure. */
export function firstLoadBudget(budgetKb: number = FIRST_LOAD_BUDGET_KB) {
  return {
    name: "agendacraft-first-load-budget",
    apply: "build" as const,
    // After every other plugin has rewritten the chunks: the size of what is actually served.
    enforce: "post" as const,
    writeBundle(
      this: { error(message: string): never; info(message: string): void },
      _options: unknown,
      bundle: Record<string, BundleFile>,
    ) {
      const size = measureFirstLoad(bundle);
      const failure = checkFirstLoadBudget(size, budgetKb);
      if (failure) this.error(failure);
      this.info(`first-load JavaScript ${size.gzipKb} kB gzip of a ${budgetKb} kB budget`);
    },
  };
}
