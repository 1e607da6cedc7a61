import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityViolations } from "./accessibility.ts";
import { launchChromium } from "./browser.ts";
import { keepFailureEvidence, watchPage } from "./failure-evidence.ts";

let browser: Browser;
/** The test's page and what it did, kept when a step fails (a rare CI timeout here is not yet explained). */
let watched: { page: Page; events: () => string[] } | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach((testContext) =>
  keepFailureEvidence(testContext, watched?.page, watched?.events ?? (() => []), inject("artifactsDir")),
);
afterAll(async () => {
  await browser?.close();
});

describe("a first visit in a real browser", () => {
  it("sends a visitor to sign in, lets them create an account and lands in the empty inbox", async () => {
    // Reduced motion, which the app honours: the accessibility check sees pages at rest.
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, reducedMotion: "reduce" });
    watched = { page, events: watchPage(page) };
    await page.goto(inject("appUrl"));

    await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Mobile Mo");
    await page.getByLabel("Email").fill(`mo-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Create account" }).click();

    await page.getByRole("heading", { name: "Inbox" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/inbox");
    // At phone width nothing may spill sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(inject("artifactsDir"), "inbox-360px.png"), fullPage: true });

    expect(await seriousAccessibilityViolations(page), "Inbox accessibility").toEqual([]);

    // Every other screen fits the phone too, and passes the automated accessibility check.
    for (const [link, heading] of [
      ["Week", /–/],
      ["Projects", "Projects"],
      ["Planners", "Planners"],
      ["Settings", "Settings"],
    ] as const) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, `${link} is wider than the phone`).toBeLessThanOrEqual(0);
      // FullCalendar's nested-table grid breaks ARIA's grid/row rules, a known upstream limit
      // (fullcalendar/fullcalendar#6526, #6527); everything around it is checked.
      const exclude = link === "Week" ? [".fc-scrollgrid"] : [];
      expect(await seriousAccessibilityViolations(page, { exclude }), `${link} accessibility`).toEqual([]);
      if (link === "Week") await page.screenshot({ path: join(inject("artifactsDir"), "week-360px.png") });
    }
    await page.close();
  });
});
