import { join } from "node:path";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppServer, startAppServer } from "../src/testing/start-app-server.ts";
import { seriousAccessibilityViolations } from "./accessibility.ts";
import { launchChromium } from "./browser.ts";
import { freePort } from "./free-port.ts";
import { mutate as mutateOn, query as queryOn, signUpThroughApi } from "./person-api.ts";

const ZONE = "Europe/Berlin";
const nextWeek = DateTime.now().setZone(ZONE).startOf("week").plus({ weeks: 1 });

type Task = {
  id: string;
  summary: string;
  completedAt: Date | null;
  startTime: Date | null;
  startAfter: Date | null;
  todoistId: string | null;
};
type Status = {
  connected: boolean;
  lastSyncedAt: Date | null;
  running: unknown;
  lastResult: { projects: number; tasks: number; created: number } | null;
  unmapped: unknown[];
};

let browser: Browser;
let fake: FakeTodoist;
/** This file's own server: an import and a plan of 200 tasks must not slow the shared one's tests. */
let server: AppServer;
let appUrl: string;
let context: BrowserContext;
let page: Page;
const uncaught: string[] = [];

beforeAll(async () => {
  fake = await startFakeTodoist();
  // 3 projects, 200 tasks, 10 of them recurring (every day, every weekday, every week, ...).
  fake.generate(fake.defaultEmail, { projects: 3, tasks: 200, recurring: 10 });
  const port = await freePort();
  server = await startAppServer({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEB_DIST_DIR: inject("webDistDir"),
    TODOIST_BASE_URL: fake.url,
  });
  appUrl = server.url;
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: ZONE,
    reducedMotion: "reduce",
  });
  page = await context.newPage();
  page.on("pageerror", (error) => uncaught.push(error.message));
  await signUpThroughApi(page, { name: "Tess Todoist", timeZone: ZONE }, appUrl);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await fake?.close();
});

const mutate = <T>(path: string, input: unknown) => mutateOn<T>(page, path, input, appUrl);
const query = <T>(path: string, input: unknown) => queryOn<T>(page, path, input, appUrl);
const screenshot = (name: string) => page.screenshot({ path: join(inject("artifactsDir"), name), fullPage: true });
const nav = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
const todoistCard = () => page.getByRole("region", { name: "Todoist" });
const status = () => query<Status>("todoist.status", undefined);

/** Every task with exactly this summary, open or completed. */
async function tasksNamed(summary: string): Promise<Task[]> {
  const found: Task[] = [];
  for (const isComplete of [false, true]) {
    const page_ = await query<{ items: Task[] }>("scheduler.tasks.list", { q: summary, isComplete, limit: 100 });
    found.push(...page_.items.filter((task) => task.summary === summary));
  }
  return found;
}

// One person's story in one browser: each step builds on the one before.
describe("Todoist in a real browser, against the fake Todoist", () => {
  it("connects with a pasted API token and imports 3 projects and 200 tasks", async () => {
    await page.goto(appUrl);
    // "/" sends a signed-in person on to the inbox: a click before that lands would be undone by it.
    await page.getByRole("heading", { name: "Inbox" }).waitFor();
    await nav("Settings");
    await todoistCard().getByLabel("Todoist API token").fill(fake.issueToken());
    await todoistCard().getByRole("button", { name: "Connect", exact: true }).click();

    await todoistCard()
      .getByText(/200 created/)
      .waitFor({ timeout: 90_000 });
    const imported = await status();
    expect(imported.connected).toBe(true);
    expect(imported.lastResult).toMatchObject({ tasks: 200, created: 200 });
    // The generator's patterns (every day, every weekday, every week, every 2 days, every monday) all map.
    expect(imported.unmapped).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot("todoist-connected.png");

    const routine = (await tasksNamed("Routine 1"))[0];
    expect(routine?.todoistId).toBeTruthy();
  });

  it("plans the week with the imported tasks", async () => {
    await mutate("scheduler.planners.create", {
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: DateTime.now().setZone(ZONE).toISODate(),
      startTime: "09:00",
      minutes: 480,
    });
    await nav("Week");
    await page.getByRole("button", { name: "Next week" }).click();
    await page.getByRole("button", { name: "Plan my week" }).click();
    const preview = page.getByRole("dialog", { name: "Plan preview" });
    await preview.getByRole("button", { name: "Apply" }).click();
    await preview.waitFor({ state: "detached" });

    const agenda = await query<{ entries: { taskId: string; summary: string }[] }>("scheduler.tasks.agenda", {
      from: nextWeek.toJSDate(),
      to: nextWeek.plus({ weeks: 1 }).toJSDate(),
    });
    const planned = agenda.entries.filter((entry) => /^(Task|Routine) \d+$/.test(entry.summary));
    expect(planned.length).toBeGreaterThanOrEqual(5);
  });

  it("completes an imported task here and Todoist shows it completed", async () => {
    const [task] = (await tasksNamed("Task 12")).filter((candidate) => candidate.completedAt === null);
    expect(task?.todoistId).toBeTruthy();
    // Task 12 is in Todoist's "Project 3" (the generator deals tasks to projects in turn).
    await nav("Projects");
    await page
      .getByRole("link", { name: /^Project 3/ })
      .first()
      .click();
    const row = page.getByRole("listitem").filter({ hasText: "Task 12" }).first();
    await row.getByRole("img", { name: "From Todoist" }).waitFor();
    await row.getByRole("checkbox", { name: 'Complete "Task 12"' }).click();
    await screenshot("todoist-project.png");
    // The push runs as a job a few seconds after the change.
    await expect
      .poll(() => fake.task(fake.defaultEmail, task?.todoistId ?? "")?.checked, { timeout: 60_000, interval: 500 })
      .toBe(true);
  });

  it("follows a recurring task ticked in Todoist: one next occurrence, no copy", async () => {
    const todoistTask = fake.tasks(fake.defaultEmail).find((candidate) => candidate.content === "Routine 1");
    expect(todoistTask).toBeDefined();
    const before = (await status()).lastSyncedAt;
    const advanced = fake.closeTask(fake.defaultEmail, todoistTask?.id ?? "");

    await nav("Settings");
    await todoistCard().getByRole("button", { name: "Sync now" }).click();
    await expect
      .poll(async () => (await status()).lastSyncedAt?.getTime() ?? 0, { timeout: 60_000 })
      .toBeGreaterThan(before?.getTime() ?? 0);

    const occurrences = await tasksNamed("Routine 1");
    const open = occurrences.filter((task) => task.completedAt === null);
    expect(open).toHaveLength(1);
    expect(occurrences.filter((task) => task.completedAt !== null)).toHaveLength(1);
    // The open occurrence is Todoist's same item, on its new date.
    expect(open[0]?.todoistId).toBe(todoistTask?.id);
    const day = DateTime.fromISO(advanced.due?.date ?? "", { zone: ZONE }).toISODate();
    const openAt = open[0]?.startTime ?? open[0]?.startAfter ?? null;
    expect(openAt && DateTime.fromJSDate(openAt).setZone(ZONE).toISODate()).toBe(day);
    // And Todoist still has exactly one open "Routine 1".
    expect(fake.tasks(fake.defaultEmail).filter((candidate) => candidate.content === "Routine 1")).toHaveLength(1);
    expect(uncaught).toEqual([]);
  });
});
