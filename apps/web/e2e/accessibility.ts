import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE_PATH = require.resolve("axe-core/axe.min.js");

export type AccessibilityViolation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core (the standard automated accessibility checker) on the page as it is now and
 * returns the serious and critical WCAG 2 A/AA violations, each with the elements at fault.
 */
export async function seriousAccessibilityViolations(
  page: Page,
  options: { exclude?: string[] } = {},
): Promise<AccessibilityViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses injected <script> tags.
  await page.evaluate(await readFile(AXE_SOURCE_PATH, "utf8"));
  return page.evaluate(async (exclude) => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const context = { include: [["html"]], exclude: exclude.map((selector) => [selector]) };
    const result = await axe.run(context, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      }));
  }, options.exclude ?? []);
}
