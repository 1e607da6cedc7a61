import { join } from "node:path";
import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityViolations } from "./accessibility.ts";
import { launchChromium } from "./browser.ts";
import { mutate, query, signUpThroughApi } from "./person-api.ts";

const ZONE = "Asia/Kathmandu";
const LINE = "Book dentist tomorrow 3pm 30m p1 #Health every weekday";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type TaskRow = { summary: string; minutes: number; priority: number; dueAt: Date | null; recurrence: string | null };

describe("natural-language quick add in a real browser", () => {
  it.each([
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const)("reads the line into chips and saves exactly them (%s)", async (name, viewport) => {
    const page = await browser.newPage({ viewport, reducedMotion: "reduce" });
    await signUpThroughApi(page, { name: `Quick ${name}`, timeZone: ZONE });
    const health = await mutate<{ id: string }>(page, "scheduler.projects.create", { name: "Health" });
    await page.goto(`${inject("appUrl")}/inbox`);

    // The chunk with chrono-node loads on first use in the built app; the chips prove it ran.
    await page.getByLabel("Summary").fill(LINE);
    const chips = page.getByRole("list", { name: /Adds “Book dentist”/ });
    await chips.waitFor();
    const due = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 15, minute: 0 }).startOf("minute");
    expect(await chips.getByRole("listitem").allTextContents()).toEqual([
      `Due ${due.toFormat("ccc d LLL, HH:mm")}×`,
      "30 min×",
      "P1 urgent×",
      "Project Health×",
      "Repeats every weekday×",
    ]);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, "the chips are wider than the screen").toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page), "quick add with chips").toEqual([]);
    await page.screenshot({ path: join(inject("artifactsDir"), `quick-add-${name}.png`) });

    await page.getByLabel("Summary").press("Enter");
    await page.getByText("Added “Book dentist” to Health").waitFor();
    const { items } = await query<{ items: TaskRow[] }>(page, "scheduler.tasks.list", { projectId: health.id });
    expect(items).toEqual([
      expect.objectContaining({
        summary: "Book dentist",
        minutes: 30,
        priority: 5,
        dueAt: due.toJSDate(),
        recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      }),
    ]);
    await page.close();
  });
});
