import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityViolations } from "./accessibility.ts";
import { launchChromium } from "./browser.ts";
import { query, signUpThroughApi } from "./person-api.ts";

type TaskPage = { items: { id: string; summary: string; completedAt: Date | null; priority: number }[] };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function signedInPage(viewport: { width: number; height: number }, name: string): Promise<Page> {
  const page = await browser.newPage({ viewport, reducedMotion: "reduce" });
  await signUpThroughApi(page, { name, timeZone: "Europe/Berlin" });
  await page.goto(`${inject("appUrl")}/inbox`);
  await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
  return page;
}

describe("on a 390x844 phone", () => {
  it("keeps every page in a bottom tab bar, collapses quick add's options, and undoes a completion", async () => {
    const page = await signedInPage({ width: 390, height: 844 }, "Phone Pat");

    // Every tab fully on screen, its label not cut ("Setting…").
    const tabs = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    expect(await tabs.allTextContents()).toEqual([
      "Today",
      "Upcoming",
      "Inbox",
      "Week",
      "Projects",
      "Planners",
      "Settings",
    ]);
    for (const tab of await tabs.all()) {
      const box = await tab.boundingBox();
      if (!box) throw new Error(`${await tab.textContent()} is not on the page`);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      const label = await tab.textContent();
      expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth), `${label} is cut off`).toBe(true);
    }

    // Only the summary on the first screen; the rest one tap away.
    expect(await page.getByLabel("Minutes").isVisible()).toBe(false);
    await page.getByRole("button", { name: "More options" }).click();
    expect(await page.getByLabel("Minutes").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Fewer options" }).click();

    await page.getByLabel("Summary").fill("Buy stamps");
    await page.getByRole("button", { name: "Add task" }).click();
    await page.getByRole("checkbox", { name: 'Complete "Buy stamps"' }).click();
    const toast = page.getByRole("status").filter({ hasText: "Completed “Buy stamps”" });
    await toast.getByRole("button", { name: "Undo" }).click();
    await page.getByRole("checkbox", { name: 'Complete "Buy stamps"' }).waitFor();
    await expect
      .poll(async () => (await query<TaskPage>(page, "scheduler.tasks.list", {})).items.map((task) => task.summary))
      .toEqual(["Buy stamps"]);

    await page.screenshot({ path: join(inject("artifactsDir"), "inbox-390px.png") });
    expect(await seriousAccessibilityViolations(page), "Inbox accessibility").toEqual([]);
    await page.close();
  });
});

describe("with the keyboard", () => {
  it("q reaches quick add from another page, Enter on a select adds, ? lists the shortcuts", async () => {
    const page = await signedInPage({ width: 1280, height: 800 }, "Keyboard Kim");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Planners" }).click();
    await page.getByRole("heading", { level: 1, name: "Planners" }).waitFor();

    await page.keyboard.press("q");
    await page.waitForURL(/\/inbox$/);
    const summary = page.getByRole("textbox", { name: "Summary" });
    await expect.poll(() => summary.evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type("Book flights");
    await page.getByLabel("Priority").focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await query<TaskPage>(page, "scheduler.tasks.list", {})).items.map((task) => task.summary))
      .toEqual(["Book flights"]);

    await page.getByRole("heading", { level: 1, name: "Inbox" }).click();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    expect(await seriousAccessibilityViolations(page), "Shortcuts help accessibility").toEqual([]);
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "detached" });
    await page.close();
  });
});
