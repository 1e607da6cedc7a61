import { join } from "node:path";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser.ts";
import { mutate, signUpThroughApi } from "./person-api.ts";

const ZONE = "Europe/Berlin";
const nextMonday = DateTime.now().setZone(ZONE).startOf("week").plus({ weeks: 1 });

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    timezoneId: ZONE,
    reducedMotion: "reduce",
  });
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

// What jsdom cannot show: the week grid as laid out by a real browser.
describe("the week grid in a browser", () => {
  it("shows a 15-minute block's title and whole time in its project's colour, named in full", async () => {
    await signUpThroughApi(page, { name: "Grid Reader", timeZone: ZONE });
    const health = await mutate<{ id: string }>(page, "scheduler.projects.create", {
      name: "Health",
      color: "#16A34A",
    });
    const start = nextMonday.plus({ days: 1 }).set({ hour: 15, minute: 30 });
    await mutate(page, "scheduler.tasks.create", {
      summary: "Write quarterly report",
      startTime: start.set({ hour: 9 }).toJSDate(),
      minutes: 90,
      priority: 3,
    });
    await mutate(page, "scheduler.tasks.create", {
      summary: "Call dentist",
      startTime: start.toJSDate(),
      minutes: 15,
      priority: 5,
      projectId: health.id,
    });
    await page.goto(`${inject("appUrl")}/week?week=${nextMonday.toISODate()}`);

    const block = page.getByRole("button", {
      name: `Call dentist, ${start.toFormat("ccc d LLL")} 15:30–15:45, Health, P1 urgent`,
      exact: true,
    });
    await block.waitFor();
    const shown = block.locator("[aria-hidden='true']");
    await expect(shown.textContent()).resolves.toBe("!!!Call dentist15:30");
    // Laid out, the title has room to be read and the time is not cut.
    const title = await shown.getByText("Call dentist").boundingBox();
    expect(title?.width).toBeGreaterThan(40);
    const time = shown.getByText("15:30");
    await expect(time.evaluate((el) => el.scrollWidth <= el.clientWidth)).resolves.toBe(true);
    await expect(block.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe("rgb(22, 163, 74)");
    await page.screenshot({ path: join(inject("artifactsDir"), "week-grid.png"), fullPage: true });
  });

  it("shades today's column grey, not the busy events' amber, and says Today", async () => {
    await signUpThroughApi(page, { name: "Today Reader", timeZone: ZONE });
    await page.goto(`${inject("appUrl")}/week`);

    const today = page.locator(".fc-timegrid-col.fc-day-today");
    await today.waitFor();
    await expect(today.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe("rgb(241, 245, 249)");
    await expect(page.locator(".fc-col-header-cell.fc-day-today").textContent()).resolves.toContain("Today");
  });
});
