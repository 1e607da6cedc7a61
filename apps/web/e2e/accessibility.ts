import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE_PATH = require.resolve("axe-core/axe.min.js");
/** A page that keeps moving for this long (say, toasts arriving one after another) fails the check. */
const SETTLE_TIMEOUT_MS = 15_000;

export type AccessibilityViolation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core (the standard automated accessibility checker) on the settled page and
 * returns the serious and critical WCAG 2 A/AA violations, each with the elements at fault.
 *
 * "Settled" matters: a toast fading in or sliding behind another is, for 400 ms, text at
 * partial opacity, and axe measures that frame's contrast. What a person reads is the page
 * at rest, so the check waits until no finite CSS transition or animation runs, and runs
 * again when one started while axe was measuring. Endless animations (spinners) are allowed.
 */
export async function seriousAccessibilityViolations(
  page: Page,
  options: { exclude?: string[] } = {},
): Promise<AccessibilityViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses injected <script> tags.
  await page.evaluate(await readFile(AXE_SOURCE_PATH, "utf8"));
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    await page.waitForFunction(isSettled, undefined, { timeout: Math.max(1, deadline - Date.now()) });
    const result = await page.evaluate(runAxe, options.exclude ?? []);
    if (!result.movedDuringCheck) return result.violations;
    if (Date.now() > deadline) throw new Error("The page kept animating; the accessibility check could not finish");
  }
}

/** In the page: true when no transition or animation with an end is still running. */
function isSettled(): boolean {
  return document
    .getAnimations()
    .every(
      (animation) => animation.playState !== "running" || animation.effect?.getComputedTiming().endTime === Infinity,
    );
}

/** In the page: axe's serious and critical findings, and whether anything started moving meanwhile. */
async function runAxe(exclude: string[]) {
  type AxeResult = {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  };
  const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
  let movedDuringCheck = false;
  const noteMovement = () => {
    movedDuringCheck = true;
  };
  document.addEventListener("transitionstart", noteMovement, true);
  document.addEventListener("animationstart", noteMovement, true);
  try {
    const context = { include: [["html"]], exclude: exclude.map((selector) => [selector]) };
    const result = await axe.run(context, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
    const violations = result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      }));
    return { violations, movedDuringCheck };
  } finally {
    document.removeEventListener("transitionstart", noteMovement, true);
    document.removeEventListener("animationstart", noteMovement, true);
  }
}
