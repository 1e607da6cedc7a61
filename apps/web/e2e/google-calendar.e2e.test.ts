import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FAKE_GOOGLE_CLIENT, fakeGooglePort } from "../src/testing/google-test-server.ts";
import { seriousAccessibilityViolations } from "./accessibility.ts";
import { launchChromium } from "./browser.ts";
import { mutate, PASSWORD, query } from "./person-api.ts";

const ZONE = "Europe/Berlin";
const nextWeek = DateTime.now().setZone(ZONE).startOf("week").plus({ weeks: 1 });
/** Tuesday 09:00–12:00 next week: a meeting in the person's Google Calendar the plan must go around. */
const meetingStart = nextWeek.plus({ days: 1 }).set({ hour: 9 });
const meetingEnd = meetingStart.plus({ hours: 3 });
/** Where the person drags one planned task in Google: Thursday 15:00 next week. */
const movedStart = nextWeek.plus({ days: 3 }).set({ hour: 15 });
const TASKS = ["Write launch post", "Review pull requests", "Prepare demo"] as const;

type AgendaEntry = { taskId: string; summary: string; start: Date; end: Date; syncedToGoogle: boolean };

let browser: Browser;
let fake: FakeGoogle;
let context: BrowserContext;
let page: Page;
const uncaught: string[] = [];
const email = `grace-${randomUUID()}@gmail.example`;

beforeAll(async () => {
  // The server of this run was started with GOOGLE_BASE_URL at this port (global-setup.ts).
  fake = await startFakeGoogle({ ...FAKE_GOOGLE_CLIENT, port: fakeGooglePort() });
  fake.addAccount({ email, name: "Grace Hopper" });
  fake.addEvent(email, {
    summary: "Design review",
    start: { dateTime: meetingStart.toISO() ?? "" },
    end: { dateTime: meetingEnd.toISO() ?? "" },
  });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: ZONE,
    reducedMotion: "reduce",
  });
  page = await context.newPage();
  page.on("pageerror", (error) => uncaught.push(error.message));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await fake?.close();
});

const appUrl = () => inject("appUrl");
const screenshot = (name: string) => page.screenshot({ path: join(inject("artifactsDir"), name), fullPage: true });
const nav = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
const connections = () => page.getByRole("list", { name: "Connections" });

function agenda() {
  return query<{ entries: AgendaEntry[] }>(page, "scheduler.tasks.agenda", {
    from: nextWeek.toJSDate(),
    to: nextWeek.plus({ weeks: 1 }).toJSDate(),
  });
}

/** The events AgendaCraft wrote into the fake's "AgendaCraft" calendar, by task id. */
function writtenEvents() {
  const calendar = fake.calendars(email).find((entry) => entry.summary === "AgendaCraft");
  if (!calendar) return [];
  return fake
    .events(calendar.id)
    .map((event) => ({ calendarId: calendar.id, event, taskId: event.extendedProperties?.private?.agendacraftTaskId }))
    .filter((written) => written.taskId !== undefined);
}

// One person's story, step by step, in one browser: each step builds on the one before.
describe("Google Calendar in a real browser, against the fake Google", () => {
  it("signs up with Google", async () => {
    await page.goto(appUrl());
    await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();
    await page.getByRole("button", { name: "Continue with Google" }).click();
    await page.waitForURL((url) => url.origin === fake.url);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL((url) => url.origin === new URL(appUrl()).origin);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
  });

  it("connects a Google calendar through Google's consent page", async () => {
    await nav("Settings");
    await page.getByRole("button", { name: "Connect Google Calendar" }).click();

    // The fake's consent page, as Google's: the account, and a ticked box per calendar permission.
    await page.waitForURL((url) => url.origin === fake.url);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Allow" }).click();

    await page.waitForURL((url) => url.origin === new URL(appUrl()).origin && url.pathname === "/settings");
    await page.getByText(/Google Calendar is connected/).waitFor();
    await connections().getByText("Connected", { exact: true }).waitFor({ timeout: 30_000 });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it("writes plans to a new AgendaCraft calendar in Google", async () => {
    const choice = page.getByRole("group", { name: "Write planned tasks to" });
    await choice.getByRole("button", { name: "Create an AgendaCraft calendar" }).click();
    await expect
      .poll(() => choice.getByRole("radio", { name: "AgendaCraft", exact: true }).isChecked(), { timeout: 20_000 })
      .toBe(true);
    expect(fake.calendars(email).map((calendar) => calendar.summary)).toContain("AgendaCraft");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot("connections.png");
  });

  it("shows the meeting from Google on the week and plans around it", async () => {
    for (const summary of TASKS) await mutate(page, "scheduler.tasks.create", { summary, minutes: 60 });
    await mutate(page, "scheduler.planners.create", {
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: DateTime.now().setZone(ZONE).toISODate(),
      startTime: "09:00",
      minutes: 480,
    });

    await nav("Week");
    await page.getByRole("button", { name: "Next week" }).click();
    await page.locator(".busy-event").getByText("Design review").first().waitFor();
    await page.getByRole("button", { name: "Plan my week" }).click();
    const preview = page.getByRole("dialog", { name: "Plan preview" });
    for (const summary of TASKS) await preview.getByText(summary, { exact: false }).first().waitFor();
    await preview.getByRole("button", { name: "Apply" }).click();
    await preview.waitFor({ state: "detached" });

    const { entries } = await agenda();
    expect(entries.map((entry) => entry.summary).sort()).toEqual([...TASKS].sort());
    for (const entry of entries) {
      const overlaps = entry.start < meetingEnd.toJSDate() && entry.end > meetingStart.toJSDate();
      expect(overlaps, `${entry.summary} was planned into the meeting`).toBe(false);
    }
  });

  it("writes each planned task into Google and marks it on the week", async () => {
    const { entries } = await agenda();
    // The write-back runs as a job after the plan is committed: within seconds.
    await expect
      .poll(
        () =>
          writtenEvents()
            .map((written) => written.taskId)
            .sort(),
        { timeout: 60_000 },
      )
      .toEqual(entries.map((entry) => entry.taskId).sort());
    for (const written of writtenEvents()) {
      const entry = entries.find((candidate) => candidate.taskId === written.taskId);
      expect(written.event.summary).toBe(entry?.summary);
      expect(new Date(written.event.start?.dateTime ?? "").getTime()).toBe(entry?.start.getTime());
    }

    await page.reload();
    for (const summary of TASKS) {
      await page.getByRole("button", { name: new RegExp(`^${summary}, .*, in Google Calendar`) }).waitFor();
    }
    await page.getByRole("list", { name: "Legend" }).getByText("In your Google Calendar too (synced)").waitFor();
  });

  it("moves a task when its event is moved in Google and the person presses Sync now", async () => {
    const [first] = writtenEvents();
    if (!first?.taskId) throw new Error("nothing was written to Google");
    const task = (await agenda()).entries.find((entry) => entry.taskId === first.taskId);
    if (!task) throw new Error("the written task is not planned");
    // The person drags the event to Thursday 15:00 in Google Calendar.
    fake.updateEvent(first.calendarId, first.event.id, {
      start: { dateTime: movedStart.toISO() },
      end: { dateTime: movedStart.plus({ hours: 1 }).toISO() },
    });

    await nav("Settings");
    await page.getByRole("button", { name: /^Sync “.*” now$/ }).click();
    await page.getByText(/^Synced “.*”: [1-9]\d* changes?\.$/).waitFor({ timeout: 30_000 });

    const moved = (await agenda()).entries.find((entry) => entry.taskId === task.taskId);
    expect(moved?.start.getTime()).toBe(movedStart.toMillis());
    await nav("Week");
    await page.getByRole("button", { name: "Next week" }).click();
    await page
      .getByRole("button", { name: new RegExp(`^${task.summary}, ${movedStart.toFormat("ccc d LLL HH:mm")}`) })
      .waitFor();
    expect(uncaught).toEqual([]);
  });
});

// In this file, not its own: the server has one fake Google port, and files run in parallel.
/** From the sign-in page to Google's (the fake's) consent page, answered as `email`. */
async function continueWithGoogleAs(page: Page, { email, name }: { email: string; name: string }) {
  await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();
  await page.getByRole("button", { name: "Continue with Google" }).click();
  await page.waitForURL((url) => url.origin === new URL(fake.url).origin);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Allow" }).click();
}

describe("Continue with Google in a real browser", () => {
  it("signs a new person up through Google's consent page and lands them in the inbox, Google linked", async () => {
    const page = await browser.newPage();
    const email = `chris-${randomUUID()}@example.com`;
    await page.goto(`${inject("appUrl")}/sign-in`);

    await continueWithGoogleAs(page, { email, name: "Chromium Chris" });

    await page.getByRole("heading", { name: "Inbox" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/inbox");
    await page.goto(`${inject("appUrl")}/settings`);
    await page.getByText("Google is linked: you can sign in with Google.").waitFor();
    expect(await page.getByRole("textbox", { name: "Name", exact: true }).inputValue()).toBe("Chromium Chris");
    await page.close();
  });

  it("refuses Google for an email with a password account and says how to link it", async () => {
    const page = await browser.newPage();
    const appUrl = inject("appUrl");
    const email = `pat-${randomUUID()}@example.com`;
    const signedUp = await page.request.post(`${appUrl}/api/auth/sign-up/email`, {
      headers: { origin: new URL(appUrl).origin },
      data: { name: "Pat Password", email, password: PASSWORD },
    });
    expect(signedUp.status()).toBe(200);
    await page.context().clearCookies();
    await page.goto(`${appUrl}/sign-in`);

    await continueWithGoogleAs(page, { email, name: "Pat at Google" });

    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "An account with this email already exists. Sign in with your password, then link Google in Settings to use it next time.",
    );
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
  });
});
