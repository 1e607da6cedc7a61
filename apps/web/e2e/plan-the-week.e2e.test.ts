import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityViolations } from "./accessibility.ts";
import { launchChromium } from "./browser.ts";
import { keepFailureEvidence, watchPage } from "./failure-evidence.ts";
import { mutate, PASSWORD, query, signUpThroughApi } from "./person-api.ts";

const TASKS = [
  { summary: "Write launch post", minutes: "60" },
  { summary: "Review pull requests", minutes: "45" },
  { summary: "Prepare demo", minutes: "90" },
  { summary: "Answer support mail", minutes: "30" },
  { summary: "Plan sprint", minutes: "60", project: "Launch" },
] as const;

const ZONE = "Europe/Berlin";
const nextWeek = DateTime.now().setZone(ZONE).startOf("week").plus({ weeks: 1 });
/** Monday 09:00–12:00 next week in Berlin: an offsite the plan must go around. */
const offsiteStart = nextWeek.set({ hour: 9 });
const offsiteEnd = offsiteStart.plus({ hours: 3 });
const WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

let browser: Browser;
/** A calendar's secret iCal address, served as Google serves it. */
let calendarServer: Server;
let context: BrowserContext;
let page: Page;
let uncaught: string[];
let pageEvents: () => string[];

const icsTime = (time: DateTime) => time.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");
const calendarUrl = () =>
  `http://127.0.0.1:${(calendarServer.address() as AddressInfo).port}/calendar/ical/secret/basic.ics`;

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
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => calendarServer?.close(resolve));
});

// Every test has a browser context (cookies) of its own; reduced motion, which the app
// honours, keeps the accessibility check from measuring a frame in the middle of a transition.
beforeEach(async () => {
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: ZONE,
    reducedMotion: "reduce",
  });
  page = await context.newPage();
  uncaught = [];
  page.on("pageerror", (error) => uncaught.push(error.message));
  pageEvents = watchPage(page);
});
afterEach(async (testContext) => {
  await keepFailureEvidence(testContext, page, pageEvents, inject("artifactsDir"));
  expect(uncaught).toEqual([]);
  await context?.close();
});

const screenshot = (name: string) => page.screenshot({ path: join(inject("artifactsDir"), name), fullPage: true });
const nav = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
/** A task's block on the week grid: a button named by its time and task (and "(done)" once done). */
const block = (name: string | RegExp) => page.getByRole("button", { name });

/** A signed-in person of this test's own, on the app. */
async function signedIn(name: string) {
  await signUpThroughApi(page, { name, timeZone: ZONE });
  await page.goto(inject("appUrl"));
  await page.getByRole("heading", { name: "Inbox" }).waitFor();
}

/** What the person's tasks occupy in a range, read through the same API the app uses. */
function agenda(from: DateTime, to: DateTime) {
  return query<{ entries: { summary: string; start: Date; end: Date }[] }>(page, "scheduler.tasks.agenda", {
    from: from.toJSDate(),
    to: to.toJSDate(),
  });
}

describe("planning a week in a real browser", () => {
  it("signs up and lands in the empty inbox", async () => {
    await page.goto(inject("appUrl"));
    await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Erin Example");
    await page.getByLabel("Email").fill(`erin-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();

    await page.getByRole("heading", { name: "Inbox" }).waitFor();
    await page.getByText("Your inbox is empty").waitFor();
  });

  it("creates a project and five tasks", async () => {
    await signedIn("Paula Projects");
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
    await signedIn("Pete Planner");
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
    await signedIn("Cal Calendar");
    await nav("Settings");
    await page.getByLabel("Calendar name").fill("Work calendar");
    await page.getByLabel("Secret iCal address").fill(calendarUrl());
    await page.getByRole("button", { name: "Add calendar" }).click();
    await page.getByRole("list", { name: "Connections" }).getByText("Work calendar").waitFor();
  });

  it("plans next week around the busy time, applies the plan and shows the tasks as blocks", async () => {
    await signedIn("Wes Week");
    // What the steps above create through the app, made here through its API.
    const project = await mutate<{ id: string }>(page, "scheduler.projects.create", { name: "Launch" });
    for (const task of TASKS) {
      await mutate(page, "scheduler.tasks.create", {
        summary: task.summary,
        minutes: Number(task.minutes),
        ...("project" in task ? { projectId: project.id } : {}),
      });
    }
    await mutate(page, "scheduler.planners.create", {
      name: "Work hours",
      recurrence: WEEKDAYS,
      startDate: DateTime.now().setZone(ZONE).toISODate(),
      startTime: "09:00",
      minutes: 480,
    });
    await mutate(page, "calendars.feeds.add", { name: "Work calendar", url: calendarUrl() });

    await nav("Week");
    await page.getByRole("button", { name: "Next week" }).click();
    await page.getByText("Team offsite").first().waitFor();
    await page.getByRole("button", { name: "Plan my week" }).click();

    const preview = page.getByRole("dialog", { name: "Plan preview" });
    for (const task of TASKS) await preview.getByText(task.summary, { exact: false }).first().waitFor();
    // FullCalendar's grid behind the dialog has a known ARIA limit (see sign-up.e2e.test.ts).
    expect(await seriousAccessibilityViolations(page, { exclude: [".fc-scrollgrid"] })).toEqual([]);
    await preview.getByRole("button", { name: "Apply" }).click();
    await preview.waitFor({ state: "detached" });

    for (const task of TASKS) await block(task.summary).first().waitFor();
    const planned = await agenda(nextWeek, nextWeek.plus({ weeks: 1 }));
    expect(planned.entries.map((entry) => entry.summary).sort()).toEqual(TASKS.map((task) => task.summary).sort());
    for (const entry of planned.entries) {
      const start = DateTime.fromJSDate(entry.start).setZone(ZONE);
      const end = DateTime.fromJSDate(entry.end).setZone(ZONE);
      const overlaps = entry.start < offsiteEnd.toJSDate() && entry.end > offsiteStart.toJSDate();
      expect(overlaps, `${entry.summary} was planned into the offsite`).toBe(false);
      // Inside the planner's windows: a weekday, 09:00 to 17:00 in Berlin.
      expect(start.weekday, `${entry.summary} on a weekend`).toBeLessThanOrEqual(5);
      expect(start.hour, `${entry.summary} before 09:00`).toBeGreaterThanOrEqual(9);
      expect(end <= start.set({ hour: 17, minute: 0 }), `${entry.summary} after 17:00`).toBe(true);
    }
    // The "Planned 5 tasks" toast would cover part of the grid in the picture.
    const closeToast = page.getByRole("button", { name: "Close toast" });
    await expect
      .poll(
        async () => {
          const open = await closeToast.count();
          if (open > 0)
            await closeToast
              .first()
              .click({ timeout: 2_000 })
              .catch(() => undefined);
          return open;
        },
        { timeout: 20_000 },
      )
      .toBe(0);
    await screenshot("week.png");
  });

  it("completes a task from its block", async () => {
    await signedIn("Cora Complete");
    await mutate(page, "scheduler.tasks.create", {
      summary: "Write launch post",
      minutes: 60,
      startTime: nextWeek.plus({ days: 1 }).set({ hour: 10 }).toJSDate(),
    });
    await nav("Week");
    await page.getByRole("button", { name: "Next week" }).click();
    await block("Write launch post").click();
    const details = page.getByRole("dialog", { name: "Write launch post" });
    await details.getByRole("button", { name: "Complete" }).click();
    await page.getByText("Completed “Write launch post”.").waitFor();
    await block(/Write launch post \(done\)/).waitFor();
  });

  it("shows a reminder arriving live on the bell", async () => {
    await signedIn("Rita Reminder");
    const bell = page.getByRole("button", { name: /^Notifications/ });
    expect(await bell.getAttribute("aria-label")).toBe("Notifications");

    // Starts in 3 minutes: inside the default 5-minute lead time, so the reminder goes out now.
    await mutate(page, "scheduler.tasks.create", {
      summary: "Stand-up",
      minutes: 15,
      startTime: new Date(Date.now() + 3 * 60_000),
    });

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
    await signedIn("Sam Signout");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();

    await page.goto(`${inject("appUrl")}/week`);
    await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });
});
