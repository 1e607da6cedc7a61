import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppServer, startAppServer } from "../src/testing/start-app-server.ts";
import { seriousAccessibilityViolations } from "./accessibility.ts";
import { launchChromium } from "./browser.ts";
import { keepFailureEvidence, watchPage } from "./failure-evidence.ts";
import { freePort } from "./free-port.ts";
import { PASSWORD, query as queryOn } from "./person-api.ts";

/**
 * A newcomer's first ten minutes (issue 12), one person from sign-up to a phone, each step
 * building on the last as it does for a real newcomer. It is a Monday, 14:30 in Berlin, for
 * the browser (Playwright's clock) and for this file's own server (AGENDACRAFT_CLOCK_START),
 * whatever day the test runs on: the coming Monday, so every time the person plans is in
 * the real future too, where reminders and jobs (on real time) expect it.
 */
const ZONE = "Europe/Berlin";
/**
 * Mid-afternoon, so less than the urgent task's two hours is left today and the plan fills
 * tomorrow morning: the urgent task can only be placed by moving others.
 */
const MONDAY = DateTime.now().setZone(ZONE).startOf("week").plus({ weeks: 1 }).set({ hour: 14, minute: 30 });
const TODAY = MONDAY.startOf("day");
const TOMORROW = TODAY.plus({ days: 1 });

type Quick = { line: string; summary: string; chips: string[]; minutes: number; priority: number; project?: string };
/** Eight undated one-hour tasks, typed as one line each; the plan must keep their priority order. */
const EIGHT: Quick[] = [
  {
    line: "Write launch post 1h p1 #Launch",
    summary: "Write launch post",
    chips: ["1 h", "P1 urgent", "Project Launch"],
    minutes: 60,
    priority: 5,
    project: "Launch",
  },
  {
    line: "Review pull requests 60m high #Launch",
    summary: "Review pull requests",
    chips: ["1 h", "P2 high", "Project Launch"],
    minutes: 60,
    priority: 4,
    project: "Launch",
  },
  { line: "Prepare demo 1h p2", summary: "Prepare demo", chips: ["1 h", "P2 high"], minutes: 60, priority: 4 },
  {
    line: "Answer support mail 1h p3",
    summary: "Answer support mail",
    chips: ["1 h", "P3 medium"],
    minutes: 60,
    priority: 3,
  },
  {
    line: "Plan sprint 60m medium #Launch",
    summary: "Plan sprint",
    chips: ["1 h", "P3 medium", "Project Launch"],
    minutes: 60,
    priority: 3,
    project: "Launch",
  },
  {
    line: "Update roadmap 1h low",
    summary: "Update roadmap",
    chips: ["1 h", "Low priority"],
    minutes: 60,
    priority: 2,
  },
  {
    line: "Tidy the backlog 1h lowest",
    summary: "Tidy the backlog",
    chips: ["1 h", "Lowest priority"],
    minutes: 60,
    priority: 1,
  },
  {
    line: "Read design notes 1h #Home",
    summary: "Read design notes",
    chips: ["1 h", "Project Home"],
    minutes: 60,
    priority: 0,
    project: "Home",
  },
];
const URGENT = "Fix checkout bug";
/** The passport series' first deadline: this week's Friday. */
const passportDue = TODAY.plus({ days: 4 });
const urgentDue = TOMORROW.set({ hour: 11 });
/** As long as Playwright waits for an element: the machine may be busy. */
const POLL = { timeout: 30_000 };

type TaskDto = {
  id: string;
  summary: string;
  minutes: number;
  priority: number;
  projectId: string | null;
  dueAt: Date | null;
  startTime: Date | null;
  endTime: Date | null;
  recurrence: string | null;
  completedAt: Date | null;
};
type AgendaEntry = { taskId: string; summary: string; start: Date; end: Date; priority: number; conflict: boolean };

let server: AppServer;
let appUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const uncaught: string[] = [];
const projects = new Map<string, string>();

/** The newcomer's work calendar (a secret iCal address), holding one event once the test puts it there. */
let calendarServer: Server;
let meeting: { start: DateTime; end: DateTime } | null = null;
let pageEvents: () => string[];
const icsTime = (time: DateTime) => time.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");

beforeAll(async () => {
  calendarServer = createServer((_request, response) => {
    const events = meeting
      ? [
          "BEGIN:VEVENT",
          "UID:customer-call@google.com",
          `DTSTAMP:${icsTime(DateTime.utc())}`,
          `DTSTART:${icsTime(meeting.start)}`,
          `DTEND:${icsTime(meeting.end)}`,
          "SUMMARY:Customer call",
          "END:VEVENT",
        ]
      : [];
    response.writeHead(200, { "content-type": "text/calendar; charset=UTF-8" });
    response.end(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        ...events,
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });
  await new Promise<void>((resolve) => calendarServer.listen(0, "127.0.0.1", resolve));
  // The shared server runs on real time: this file's server has the newcomer's Monday.
  const port = await freePort();
  server = await startAppServer({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEB_DIST_DIR: inject("webDistDir"),
    // A shifted clock is refused in production.
    NODE_ENV: "test",
    AGENDACRAFT_CLOCK_START: MONDAY.toISO() ?? "",
  });
  appUrl = server.url;
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    timezoneId: ZONE,
    reducedMotion: "reduce",
  });
  // Time runs on from there, as on the server.
  await context.clock.install({ time: MONDAY.toJSDate() });
  page = await context.newPage();
  page.on("pageerror", (error) => uncaught.push(error.message));
  pageEvents = watchPage(page);
});
afterEach((testContext) => keepFailureEvidence(testContext, page, pageEvents, inject("artifactsDir")));
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => calendarServer?.close(resolve));
});

const nav = (name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
/** axe's serious and critical findings; FullCalendar's grid has a known ARIA limit (see sign-up.e2e.test.ts). */
const accessibilityOf = (week = false) =>
  seriousAccessibilityViolations(page, { exclude: week ? [".fc-scrollgrid"] : [] });
/** A tRPC query as the newcomer, on this file's server. */
const query = <T>(path: string, input: unknown) => queryOn<T>(page, path, input, appUrl);
const readmeShot = (name: string) => page.screenshot({ path: join(inject("readmeScreenshotsDir"), name) });
const tasks = async (input: object = {}) => (await query<{ items: TaskDto[] }>("scheduler.tasks.list", input)).items;
const byId = (id: string) => query<TaskDto>("scheduler.tasks.byId", { id });
const weekAgenda = async () =>
  (
    await query<{ entries: AgendaEntry[] }>("scheduler.tasks.agenda", {
      from: TODAY.toJSDate(),
      to: TODAY.plus({ weeks: 1 }).toJSDate(),
    })
  ).entries;
const local = (date: Date) => DateTime.fromJSDate(date).setZone(ZONE);
const todaysPlan = async () => (await query<{ scheduled: TaskDto[] }>("scheduler.tasks.today", undefined)).scheduled;

/** The week grid of this week, which plans from now. */
async function openWeek() {
  await page.goto(`${appUrl}/week`);
  await page.getByRole("button", { name: "Plan my week" }).waitFor();
}

/** Opens "Plan my week", checks the preview names every text in `expected`, applies it and returns what it said. */
async function planWeek(expected: string[]) {
  await openWeek();
  await page.getByRole("button", { name: "Plan my week" }).click();
  const preview = page.getByRole("dialog", { name: "Plan preview" });
  const changes = preview.getByRole("region", { name: "Planned changes" });
  await changes.and(page.locator("[aria-busy='false']")).waitFor();
  await changes.getByText("Working out the plan…").waitFor({ state: "detached" });
  const said = (await changes.textContent()) ?? "";
  for (const text of expected) expect(said).toContain(text);
  expect(await preview.getByRole("button", { name: "Apply" }).isEnabled(), `nothing to apply: ${said}`).toBe(true);
  expect(await accessibilityOf(true), "plan preview").toEqual([]);
  await preview.getByRole("button", { name: "Apply" }).click();
  await preview.waitFor({ state: "detached" });
  return said;
}

/** Types a line into quick add, checks the chips it shows, and adds it. */
async function quickAdd(task: { line: string; summary: string; chips: string[]; project?: string }) {
  await page.getByLabel("Summary").fill(task.line);
  const chips = page.getByRole("list", { name: new RegExp(`Adds “${task.summary}”`) });
  await chips.waitFor();
  expect(await chips.getByRole("listitem").allTextContents(), task.line).toEqual(task.chips.map((chip) => `${chip}×`));
  await page.getByLabel("Summary").press("Enter");
  if (task.project) await page.getByText(`Added “${task.summary}” to ${task.project}`).first().waitFor();
  else await page.getByRole("list", { name: "Inbox tasks" }).getByText(task.summary, { exact: true }).waitFor();
  // The form is empty again: nothing carries over to the next task.
  await expect.poll(() => page.getByLabel("Summary").inputValue(), POLL).toBe("");
}

describe("a newcomer's first ten minutes, in Chromium", () => {
  it("signs up and is shown what to do first", async () => {
    await page.goto(appUrl);
    await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();
    // Both clocks say the newcomer's Monday morning.
    expect(local(new Date(await page.evaluate(() => Date.now()))).toISODate()).toBe(TODAY.toISODate());
    expect(await accessibilityOf(), "sign in").toEqual([]);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Nora Newcomer");
    await page.getByLabel("Email").fill(`nora-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill(PASSWORD);
    expect(await accessibilityOf(), "sign up").toEqual([]);
    await page.getByRole("button", { name: "Create account" }).click();

    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    const checklist = page.getByRole("region", { name: "Get started" });
    await checklist.waitFor();
    expect(await checklist.getByText("0 of 3 done").count()).toBe(1);
    expect(await checklist.getByRole("listitem").allTextContents()).toEqual([
      expect.stringContaining("Add tasks"),
      expect.stringContaining("Set your working hours"),
      expect.stringContaining("Plan your week"),
    ]);
    expect(await accessibilityOf(), "inbox with the checklist").toEqual([]);
  });

  it("creates two projects", async () => {
    await nav("Projects");
    for (const name of ["Launch", "Home"]) {
      await page.getByLabel("Project name").fill(name);
      await page.getByRole("button", { name: "Create project" }).click();
      await page.getByRole("link", { name, exact: true }).waitFor();
    }
    expect(await accessibilityOf(), "projects").toEqual([]);
    const { items } = await query<{ items: { id: string; name: string }[] }>("scheduler.projects.list", {});
    for (const project of items) projects.set(project.name, project.id);
    expect([...projects.keys()].sort()).toEqual(["Home", "Launch"]);
  });

  it("adds eight tasks by natural-language quick add, each exactly as its chips said", async () => {
    await nav("Inbox");
    for (const task of EIGHT) await quickAdd(task);

    const saved = await tasks();
    for (const task of EIGHT) {
      expect(
        saved.find((row) => row.summary === task.summary),
        task.line,
      ).toMatchObject({
        minutes: task.minutes,
        priority: task.priority,
        projectId: task.project ? projects.get(task.project) : null,
        dueAt: null,
        startTime: null,
        recurrence: null,
      });
    }
    expect(saved).toHaveLength(8);
  });

  it("edits a project task from the project page: another project, and a repeat", async () => {
    await quickAdd({
      line: "Renew passport 30m #Home",
      summary: "Renew passport",
      chips: ["30 min", "Project Home"],
      project: "Home",
    });
    await nav("Projects");
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await page.getByRole("button", { name: 'Edit "Renew passport"' }).click();
    const form = page.getByRole("form", { name: 'Edit "Renew passport"' });
    await form.getByLabel("Project").selectOption({ label: "Launch" });
    await form.getByLabel("Repeats").selectOption({ label: "Weekly" });
    await form.getByRole("button", { name: "Save" }).click();
    // A series needs a first day: said under the Deadline field, in words.
    const deadline = form.getByLabel("Deadline");
    await deadline.and(page.locator("[aria-invalid='true']")).waitFor();
    expect(await accessibilityOf(), "project page, editing with an error").toEqual([]);
    await deadline.fill(passportDue.toISODate() ?? "");
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "detached" });
    // It went to Launch, so Home's list no longer holds it.
    await page.getByRole("button", { name: 'Edit "Renew passport"' }).waitFor({ state: "detached" });

    const passport = (await tasks()).find((task) => task.summary === "Renew passport");
    expect(passport?.projectId).toBe(projects.get("Launch"));
    expect(passport?.recurrence).toMatch(/^FREQ=WEEKLY/);
    expect(passport?.dueAt && local(passport.dueAt).toISODate()).toBe(passportDue.toISODate());
  });

  it("creates a weekday 09:00-17:00 planner after previewing its next occurrences", async () => {
    await nav("Planners");
    await page.getByLabel("Name").fill("Work hours");
    await page.getByLabel("Repeats").selectOption({ label: "Weekdays" });
    await page.getByLabel("Starts at").fill("09:00");
    await page.getByLabel("Hours").fill("8");
    await page.getByLabel("Minutes").fill("0");
    const occurrences = page.getByRole("list", { name: "Next occurrences" });
    await occurrences.getByRole("listitem").first().waitFor();
    expect(await occurrences.textContent()).not.toMatch(/Sat|Sun/);
    expect(await accessibilityOf(), "planners").toEqual([]);
    await page.getByRole("button", { name: "Create planner" }).click();
    await page.getByText("Work hours", { exact: true }).first().waitFor();

    await nav("Inbox");
    await page.getByRole("region", { name: "Get started" }).getByText("2 of 3 done").waitFor();
  });

  it("plans the eight tasks over at least three days of this week, with breaks, in priority order", async () => {
    await planWeek(EIGHT.map((task) => task.summary));
    await page.getByRole("button", { name: /^Write launch post, / }).waitFor();

    const agenda = await weekAgenda();
    const eight = agenda.filter((entry) => EIGHT.some((task) => task.summary === entry.summary));
    expect(eight.map((entry) => entry.summary).sort()).toEqual(EIGHT.map((task) => task.summary).sort());
    for (const entry of eight) {
      const start = local(entry.start);
      expect(entry.end.getTime() - entry.start.getTime(), entry.summary).toBe(60 * 60_000);
      expect(start.weekNumber, `${entry.summary} not this week`).toBe(TODAY.weekNumber);
      expect(start.weekday, `${entry.summary} on a weekend`).toBeLessThanOrEqual(5);
      expect(start.hour, `${entry.summary} before 09:00`).toBeGreaterThanOrEqual(9);
      expect(local(entry.end) <= start.set({ hour: 17, minute: 0 }), `${entry.summary} after 17:00`).toBe(true);
    }
    const days = new Set(eight.map((entry) => local(entry.start).toISODate()));
    expect(days.size, "days the eight tasks are spread over").toBeGreaterThanOrEqual(3);
    // A break between any two blocks of a day (the default 10 minutes).
    const sorted = [...agenda].sort((a, b) => a.start.getTime() - b.start.getTime());
    for (const [index, entry] of sorted.entries()) {
      const next = sorted[index + 1];
      if (next === undefined || local(next.start).toISODate() !== local(entry.start).toISODate()) continue;
      expect(next.start.getTime() - entry.end.getTime(), `break after ${entry.summary}`).toBeGreaterThanOrEqual(
        10 * 60_000,
      );
    }
    // Priority order: no task starts before one of higher priority (none of them has a deadline).
    const priorities = eight.sort((a, b) => a.start.getTime() - b.start.getTime()).map((entry) => entry.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    await page.getByRole("region", { name: "Get started" }).waitFor({ state: "detached" });
  });

  it("places an urgent task due tomorrow by making room, and the preview says what moved", async () => {
    await nav("Inbox");
    await quickAdd({
      line: `${URGENT} 2h p1 tomorrow 11am`,
      summary: URGENT,
      chips: ["2 h", "P1 urgent", `Due ${urgentDue.toFormat("ccc d LLL, HH:mm")}`],
    });
    const urgent = (await tasks()).find((task) => task.summary === URGENT);
    expect(urgent).toMatchObject({ minutes: 120, priority: 5, dueAt: urgentDue.toJSDate() });

    // The plan above already holds the working hours before the deadline: room is made only by moving tasks.
    const agenda = await weekAgenda();
    const before = agenda
      .filter((entry) => entry.start < urgentDue.toJSDate())
      .map(
        (entry) => `${entry.summary} ${local(entry.start).toFormat("ccc HH:mm")}-${local(entry.end).toFormat("HH:mm")}`,
      );
    expect(before.length, "tasks before the deadline").toBeGreaterThan(0);
    const said = await planWeek([URGENT]);
    expect(said, `before: ${before.join(", ")}`).toMatch(
      new RegExp(`Moved to \\w+ \\d+ \\w+ to make room for ${URGENT}`),
    );
    const placed = await byId(urgent?.id ?? "");
    expect(placed.endTime && placed.endTime <= urgentDue.toJSDate(), "done before its deadline").toBe(true);
  });

  it("opens on Today once planned, and Today lists the day's plan; Upcoming shows the days ahead", async () => {
    await page.goto(appUrl);
    await page.waitForURL(/\/today$/);
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();

    // Today's plan is what the weekday planner holds for Monday, in time order.
    const planned = (await weekAgenda())
      .filter((entry) => local(entry.start).hasSame(TODAY, "day"))
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((entry) => entry.summary);
    expect(planned.length, "tasks planned for today").toBeGreaterThan(0);
    expect((await todaysPlan()).map((task) => task.summary)).toEqual(planned);
    const scheduled = page.getByRole("list", { name: "Scheduled today" });
    await scheduled.getByText(planned[0] ?? "", { exact: true }).waitFor();
    expect(await scheduled.locator("li p.font-medium").allTextContents()).toEqual(planned);
    expect(await accessibilityOf(), "today").toEqual([]);

    await nav("Upcoming");
    await page.getByRole("heading", { level: 1, name: "Upcoming" }).waitFor();
    const tomorrowsPlan = (await weekAgenda())
      .filter((entry) => local(entry.start).hasSame(TOMORROW, "day"))
      .map((entry) => entry.summary);
    expect(tomorrowsPlan.length, "tasks planned for tomorrow").toBeGreaterThan(0);
    const tomorrow = page.getByRole("region", { name: new RegExp(`^Tomorrow · ${TOMORROW.toFormat("cccc d LLLL")}`) });
    for (const summary of tomorrowsPlan) await tomorrow.getByText(summary, { exact: true }).waitFor();
    expect(await accessibilityOf(), "upcoming").toEqual([]);
    await readmeShot("upcoming.png");
  });

  it("flags a planned task a calendar event now covers, in Today and Week, and the next preview plans it again", async () => {
    // Today's last task: the one furthest from starting while the test goes on.
    const last = (await todaysPlan()).at(-1);
    if (!last?.startTime || !last.endTime) throw new Error("nothing is planned for today");
    const covered = last.summary;
    meeting = { start: local(last.startTime), end: local(last.endTime) };

    await nav("Settings");
    await page.getByLabel("Calendar name").fill("Work calendar");
    await page
      .getByLabel("Secret iCal address")
      .fill(`http://127.0.0.1:${(calendarServer.address() as AddressInfo).port}/calendar/ical/secret/basic.ics`);
    await page.getByRole("button", { name: "Add calendar" }).click();
    await page.getByRole("list", { name: "Connections" }).getByText("Work calendar").waitFor();
    expect(await accessibilityOf(), "settings").toEqual([]);

    await nav("Today");
    const row = page.getByRole("list", { name: "Scheduled today" }).getByRole("listitem").filter({ hasText: covered });
    await row.getByText("Conflict").waitFor();
    expect(await accessibilityOf(), "today with a conflict").toEqual([]);
    await readmeShot("today.png");

    await openWeek();
    await page.getByRole("button", { name: new RegExp(`^${covered}, .*, conflicts with a calendar event$`) }).waitFor();
    expect(await accessibilityOf(true), "week with a conflict").toEqual([]);

    const said = await planWeek([covered, "Moved off a busy calendar event"]);
    expect(said).not.toContain("Nothing to plan");
    const moved = await byId(last.id);
    const overlaps =
      moved.startTime !== null &&
      moved.endTime !== null &&
      moved.startTime < meeting.end.toJSDate() &&
      moved.endTime > meeting.start.toJSDate();
    expect(overlaps, "still under the customer call").toBe(false);
    await page.getByRole("button", { name: new RegExp(`^${covered}, `) }).waitFor();
    // Once the week is read again after Apply, no block is in conflict any more.
    await expect
      .poll(() => page.getByRole("button", { name: /conflicts with a calendar event/ }).count(), POLL)
      .toBe(0);
  });

  it("completes a task from its block, then takes it back with Undo", async () => {
    await openWeek();
    await page.getByRole("button", { name: /^Write launch post, / }).click();
    await page.getByRole("dialog", { name: "Write launch post" }).getByRole("button", { name: "Complete" }).click();
    const toast = page.getByRole("status").filter({ hasText: "Completed “Write launch post”" });
    await page.getByRole("button", { name: /^Write launch post \(done\), / }).waitFor();
    await toast.getByRole("button", { name: "Undo" }).click();
    await page.getByRole("button", { name: /^Write launch post, / }).waitFor();
    const launch = (await tasks()).find((task) => task.summary === "Write launch post");
    await expect.poll(async () => (await byId(launch?.id ?? "")).completedAt, POLL).toBeNull();
    await readmeShot("week.png");
  });

  it("shows every main screen on a 390x844 phone with the whole navigation in view", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const screens = ["Today", "Upcoming", "Inbox", "Week", "Projects", "Planners", "Settings"];
    for (const name of screens) {
      await nav(name);
      const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
      await expect.poll(() => link.getAttribute("aria-current"), POLL).toBe("page");
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      const tabs = page.getByRole("navigation", { name: "Main" }).getByRole("link");
      expect(await tabs.allTextContents()).toEqual(screens);
      for (const tab of await tabs.all()) {
        const label = await tab.textContent();
        const box = await tab.boundingBox();
        if (!box) throw new Error(`${label} is not on the ${name} screen`);
        expect(box.x, `${label} on ${name}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${label} on ${name}`).toBeLessThanOrEqual(390);
        expect(box.y + box.height, `${label} on ${name}`).toBeLessThanOrEqual(844);
        expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth), `${label} cut off on ${name}`).toBe(true);
      }
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, `${name} is wider than the phone`).toBeLessThanOrEqual(0);
      expect(await accessibilityOf(name === "Week"), `${name} on a phone`).toEqual([]);
      if (name === "Today") await readmeShot("today-phone.png");
      if (name === "Upcoming") await readmeShot("upcoming-phone.png");
    }
    await openWeek();
    // One day at a time on a phone: today, with today's plan.
    const [first] = await todaysPlan();
    await page.getByRole("button", { name: new RegExp(`^${first?.summary ?? "today's first task"}, `) }).waitFor();
    await page.getByText("Loading the week…").waitFor({ state: "detached" });
    await readmeShot("week-phone.png");
    expect(uncaught).toEqual([]);
  });
});
