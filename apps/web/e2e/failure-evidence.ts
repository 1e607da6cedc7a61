import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { TestContext } from "vitest";

/**
 * What a page did that a failed browser test's timeout does not say: console errors, API
 * answers, and requests that never got an answer. A flake in CI is then
 * explained by its own run (printed, plus a screenshot in the artifacts folder) instead of
 * needing a reproduction.
 */
export function watchPage(page: Page): () => string[] {
  const events: string[] = [];
  const at = () => new Date().toISOString().slice(11, 23);
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      events.push(`${at()} console.${message.type()}: ${message.text()}`);
    }
  });
  // Every API answer: its path, status and the start of its body. A flake is often a request
  // never sent, sent twice, or answered with what the test did not expect.
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (response.status() < 400 && !url.pathname.startsWith("/trpc/")) return;
    const line = `${at()} ${response.status()} ${response.request().method()} ${url.pathname}`;
    const index = events.push(line) - 1;
    if (url.pathname.includes("onNew")) return; // a stream: its body never ends
    response
      .text()
      .then((body) => {
        events[index] = `${line} ${body.slice(0, 300)}`;
      })
      .catch(() => undefined);
  });
  page.on("requestfailed", (request) => {
    events.push(`${at()} failed ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? "unknown"}`);
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) events.push(`${at()} navigated to ${frame.url()}`);
  });
  return () => events;
}

/** After a failed test: the page's events, its address and a screenshot, for the CI log and artifacts. */
export async function keepFailureEvidence(
  context: TestContext,
  page: Page | undefined,
  events: () => string[],
  artifactsDir: string,
) {
  if (context.task.result?.state !== "fail" || !page || page.isClosed()) return;
  const name = context.task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
  const path = join(artifactsDir, `failed-${name}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => undefined);
  const text = [`failed: ${context.task.name}`, `page: ${page.url()}`, ...events()].join("\n");
  await writeFile(join(artifactsDir, `failed-${name}.txt`), text).catch(() => undefined);
  console.error(`${text}\nscreenshot: ${path}`);
}
