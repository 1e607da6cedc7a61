import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityViolations } from "./accessibility.ts";
import { launchChromium } from "./browser.ts";

const TASKS = [
  { summary: "Write launch post", minutes: "60" },
  { summary: "Review pull requests", minutes: "45" },
  { summary: "Prepare demo", minutes: "90" },
  { summary: "Answer support mail", minutes: "30" },
  { summary: "Plan sprint", minutes: "60", project: "Launch" },
] as const;

const ZONE = "Europe/Berlin";
/** Monday 09:00–12:00 next week in Berlin: an offsite the plan must go around. */
const offsiteStart = DateTime.now().setZone(ZONE).startOf("week").plus({ weeks: 1 }).set({ hour: 9 });
const offsiteEnd = offsiteStart.plus({ hours: 3 });

let browser: Browser;
/** A calendar's secret iCal address, served as Google serves it. */
let calendarServer: Server;
let context: BrowserContext;
let page: Page;
const uncaught: string[] = [];

const icsTime = (time: DateTime) => time.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");

beforeAll(async () => {
  calendarServer = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/calendar; charset=UTF-8" });
    response.end(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "BEGIN:VEVENT",
        "UID:offsite@google.com",
        `DTSTAMP:${icsTime(DateTime.utc())}`,
        `DTSTART:${icsTime(offsiteStart)}`,
        `DTEND:${icsTime(offsiteEnd)}`,
        "SUMMARY:Team offsite",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });
  await new Promise<void>((resolve) => calendarServer.listen(0, "127.0.0.1", resolve));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: ZONE });
  page = await context.newPage();
  page.on("pageerror", (error) => uncaught.push(error.message));
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => calendarServer?.close(resolve));
});

const screenshot = (name: string) => page.screenshot({ path: join(inject("artifactsDir"), name), fullPage: true });
const nav = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();

/** What the person's tasks occupy in a range, read through the same API the app uses. */
async function agenda(from: DateTime, to: DateTime) {
  const appUrl = inject("appUrl");
  const input = encodeURIComponent(JSON.stringify(superjson.serialize({ from: from.toJSDate(), to: to.toJSDate() })));
  const response = await page.request.get(`${appUrl}/trpc/scheduler.tasks.agenda?input=${input}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  return superjson.deserialize<{ entries: { summary: string; start: Date; end: Date }[] }>(body.result.data);
}

/** Another device of the same person creates a task, through the same API the app uses. */
async function createTaskElsewhere(input: { summary: string; minutes: number; startTime: Date }) {
  const appUrl = inject("appUrl");
  const response = await page.request.post(`${appUrl}/trpc/scheduler.tasks.create`, {
    headers: { "content-type": "application/json", origin: new URL(appUrl).origin },
    data: JSON.stringify(superjson.serialize(input)),
  });
  expect(response.status()).toBe(200);
}

// One person's first session, step by step; each step builds on the one before. The busy
// calendar makes the plan skip Monday morning.
describe("planning a week in a real browser", () => {
  it("signs up and lands in the empty inbox", async () => {
    await page.goto(inject("appUrl"));
    await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Erin Example");
    await page.getByLabel("Email").fill(`erin-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Create account" }).click();

    await page.getByRole("heading", { name: "Inbox" }).waitFor();
    await page.getByText("Your inbox is empty").waitFor();
  });

  it("creates a project and five tasks", async () => {
    await nav("Projects");
    await page.getByLabel("Project name").fill("Launch");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByRole("link", { name: "Launch" }).waitFor();

    await nav("Inbox");
    for (const task of TASKS) {
      await page.getByLabel("Summary").fill(task.summary);
      await page.getByLabel("Minutes").fill(task.minutes);
      await page.getByLabel("Project").selectOption({ label: "project" in task ? task.project : "No project (Inbox)" });
      await page.getByRole("button", { name: "Add task" }).click();
      if ("project" in task) await page.getByText(`Added “${task.summary}” to ${task.project}`).waitFor();
      else await page.getByRole("list", { name: "Inbox tasks" }).getByText(task.summary).waitFor();
    }
    await expect(page.getByRole("list", { name: "Inbox tasks" }).getByRole("listitem").count()).resolves.toBe(4);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot("inbox.png");
  });

  it("creates a weekday planner after previewing its next occurrences", async () => {
    await nav("Planners");
    await page.getByLabel("Name").fill("Work hours");
    await page.getByLabel("Repeats").selectOption({ label: "Weekdays" });
    await page.getByLabel("Starts at").fill("09:00");
    await page.getByLabel("Hours").fill("8");
    await page.getByLabel("Minutes").fill("0");
    const occurrences = page.getByRole("list", { name: "Next occurrences" });
    await occurrences.getByRole("listitem").first().waitFor();
    expect(await occurrences.textContent()).not.toMatch(/Sat|Sun/);
    await page.getByRole("button", { name: "Create planner" }).click();
    await page.getByText("Work hours", { exact: true }).first().waitFor();
  });

  it("adds a calendar whose events are busy time", async () => {
    await nav("Settings");
    await page.getByLabel("Calendar name").fill("Work calendar");
    const port = (calendarServer.address() as AddressInfo).port;
    await page.getByLabel("Secret iCal address").fill(`http://127.0.0.1:${port}/calendar/ical/secret/basic.ics`);
    await page.getByRole("button", { name: "Add calendar" }).click();
    await page.getByRole("list", { name: "Calendars" }).getByText("Work calendar").waitFor();
  });

  it("plans next week around the busy time, applies the plan and shows the tasks as blocks", async () => {
    await nav("Week");
    await page.getByRole("button", { name: "Next week" }).click();
    await page.getByRole("button", { name: "Plan my week" }).click();

    const preview = page.getByRole("dialog", { name: "Plan preview" });
    for (const task of TASKS) await preview.getByText(task.summary, { exact: false }).first().waitFor();
    // FullCalendar's grid behind the dialog has a known ARIA limit (see sign-up.e2e.test.ts).
    expect(await seriousAccessibilityViolations(page, { exclude: [".fc-scrollgrid"] })).toEqual([]);
    await preview.getByRole("button", { name: "Apply" }).click();
    await preview.waitFor({ state: "detached" });

    for (const task of TASKS) await page.locator(".fc-event", { hasText: task.summary }).first().waitFor();
    await page.locator(".fc-event.busy-event", { hasText: "Team offsite" }).waitFor();
    const planned = await agenda(offsiteStart.startOf("week"), offsiteStart.startOf("week").plus({ weeks: 1 }));
    expect(planned.entries.map((entry) => entry.summary).sort()).toEqual(TASKS.map((task) => task.summary).sort());
    for (const entry of planned.entries) {
      const overlaps = entry.start < offsiteEnd.toJSDate() && entry.end > offsiteStart.toJSDate();
      expect(overlaps, `${entry.summary} was planned into the offsite`).toBe(false);
    }
    // Planner windows are drawn behind the blocks.
    expect(await page.locator(".fc-bg-event").count()).toBeGreaterThanOrEqual(5);
    // The "Planned 5 tasks" toast would cover part of the grid in the picture.
    await page.locator("[data-sonner-toast]").first().waitFor({ state: "detached", timeout: 20_000 });
    await screenshot("week.png");
  });

  it("completes a task from its block", async () => {
    await page.locator(".fc-event", { hasText: "Write launch post" }).first().click();
    const details = page.getByRole("dialog", { name: "Write launch post" });
    await details.getByRole("button", { name: "Complete" }).click();
    await page.getByText("Completed “Write launch post”.").waitFor();
    await page.locator(".fc-event.agenda-done", { hasText: "Write launch post" }).waitFor();
  });

  it("shows a reminder arriving live on the bell", async () => {
    const bell = page.getByRole("button", { name: /^Notifications/ });
    expect(await bell.getAttribute("aria-label")).toBe("Notifications");

    // Starts in 3 minutes: inside the default 5-minute lead time, so the reminder goes out now.
    await createTaskElsewhere({ summary: "Stand-up", minutes: 15, startTime: new Date(Date.now() + 3 * 60_000) });

    await page.getByRole("button", { name: "Notifications, 1 unread" }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Notifications, 1 unread" }).click();
    await page
      .getByRole("dialog", { name: "Notifications" })
      .getByText(/Stand-up/)
      .first()
      .waitFor();
    await page.keyboard.press("Escape");
  });

  it("signs out, and the app then asks to sign in again", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();

    await page.goto(`${inject("appUrl")}/week`);
    await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(uncaught).toEqual([]);
  });
});
