// @vitest-environment jsdom
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { type SignedUp, signUp } from "../../testing/sign-up.ts";
import { shiftWeek, toLocalDate, weekContaining } from "../week/week-range.ts";

type Busy = { start: Date; end: Date; summary: string };

/** Calendars served the way Google serves a secret iCal address; each test publishes its own. */
let feedServer: Server;
const calendars = new Map<string, Busy>();

const icsTime = (time: Date) => DateTime.fromJSDate(time).toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");

beforeAll(async () => {
  feedServer = createServer((request, response) => {
    const event = calendars.get(request.url ?? "");
    if (!event) {
      response.writeHead(404).end("Not found");
      return;
    }
    response.writeHead(200, { "content-type": "text/calendar; charset=UTF-8" });
    response.end(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "BEGIN:VEVENT",
        `UID:${randomUUID()}@google.com`,
        `DTSTAMP:${icsTime(new Date())}`,
        `DTSTART:${icsTime(event.start)}`,
        `DTEND:${icsTime(event.end)}`,
        `SUMMARY:${event.summary}`,
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise((resolve) => feedServer.close(resolve));
});
afterEach(() => {
  cleanup();
});

/** Adds a calendar to the person's settings whose one event is `busy`, as the Settings page does. */
async function addCalendarWith(person: SignedUp, busy: Busy) {
  const path = `/calendar/ical/${randomUUID()}/basic.ics`;
  calendars.set(path, busy);
  const url = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}${path}`;
  await apiFor(person).calendars.feeds.add.mutate({ name: "Work calendar", url });
}

/** Where the last plan put a task, read as the app reads it. */
async function plannedTime(person: SignedUp, taskId: string) {
  const task = await apiFor(person).scheduler.tasks.byId.query({ id: taskId });
  if (!task.startTime || !task.endTime) throw new Error(`the plan did not place ${task.summary}`);
  return { start: task.startTime, end: task.endTime };
}

/**
 * A zone where it is now between 03:00 and 20:59, so a task planned in the next minutes is
 * still today there whenever the test runs (the offsets listed span the whole day).
 */
function zoneInDaytime(): string {
  const zones = ["Europe/Berlin", "Asia/Tokyo", "America/New_York", "Pacific/Honolulu", "Asia/Kolkata"];
  const hourIn = (timeZone: string) =>
    Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(new Date()));
  const zone = zones.find((candidate) => hourIn(candidate) >= 3 && hourIn(candidate) <= 20);
  if (!zone) throw new Error("no zone in daytime");
  return zone;
}

// A busy event that appears over a planned task must not go unnoticed (issue 12, item 5).
describe("a calendar event over a planned task", () => {
  it("marks the block on the week, visibly and in its accessible name", async () => {
    const zone = "Europe/Berlin";
    const person = await signUp({ timeZone: zone });
    const api = apiFor(person);
    const week = shiftWeek(weekContaining(new Date(), zone), 1, zone);
    await api.scheduler.planners.create.mutate({
      name: "Work hours",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      startDate: toLocalDate(new Date(), zone),
      startTime: "09:00",
      minutes: 480,
    });
    const report = await api.scheduler.tasks.create.mutate({ summary: "Write report", minutes: 60 });
    const review = await api.scheduler.tasks.create.mutate({ summary: "Review budget", minutes: 60 });
    await api.scheduler.plan.commit.mutate({ from: week.from, horizonDays: 7 });
    const clash = await plannedTime(person, report.id);
    const calm = await plannedTime(person, review.id);
    // An event over the report only (the plan keeps a break between the two).
    await addCalendarWith(person, { ...clash, summary: "Board meeting" });
    expect(calm.start >= clash.end || calm.end <= clash.start).toBe(true);

    const { container } = renderApp({ cookie: person.cookie, path: `/week?week=${toLocalDate(week.from, zone)}` });

    const blockOf = (title: string) =>
      [...container.querySelectorAll<HTMLElement>(".fc-event[role='button']")].find((el) =>
        el.querySelector(".sr-only")?.textContent?.startsWith(title),
      );
    // jsdom has no layout, so the block's name is read from its markup (see week-grid.test.tsx).
    const flagged = await waitFor(
      () => {
        const found = blockOf("Write report");
        if (!found) throw new Error("no block yet");
        return found;
      },
      { timeout: 10_000 },
    );
    expect(flagged.querySelector(".sr-only")?.textContent).toMatch(/, conflicts with a calendar event$/);
    expect(flagged.querySelector("[aria-hidden='true']")?.textContent).toContain("⚠");
    expect(flagged.classList.contains("agenda-conflict")).toBe(true);
    expect(flagged.title).toMatch(/calendar event now overlaps/);

    const untouched = blockOf("Review budget");
    expect(untouched?.querySelector(".sr-only")?.textContent).not.toMatch(/conflict/);
    expect(untouched?.querySelector("[aria-hidden='true']")?.textContent).not.toContain("⚠");
    expect(
      within(screen.getByRole("list", { name: "Legend" })).getByText(/Conflicts with a calendar event/),
    ).toBeDefined();
  });

  it("puts a Conflict badge on the task's row in Today, and only on that one", async () => {
    const person = await signUp({ timeZone: zoneInDaytime() });
    const api = apiFor(person);
    await api.scheduler.planners.create.mutate({
      name: "Any time",
      recurrence: "FREQ=DAILY",
      startDate: new Date().toISOString().slice(0, 10),
      startTime: "00:00",
      minutes: 1440,
    });
    const call = await api.scheduler.tasks.create.mutate({ summary: "Call the bank", minutes: 15 });
    await api.scheduler.tasks.create.mutate({ summary: "Water plants", minutes: 15 });
    // Packed, both land in the next minutes (spread could put one on tomorrow).
    await api.scheduler.plan.commit.mutate({ horizonDays: 1, options: { strategy: "pack" } });
    await addCalendarWith(person, { ...(await plannedTime(person, call.id)), summary: "Surprise meeting" });

    renderApp({ cookie: person.cookie, path: "/today" });

    const scheduled = await screen.findByRole("list", { name: "Scheduled today" }, { timeout: 10_000 });
    const row = (summary: string) => within(scheduled).getByText(summary, { selector: "p" }).closest("li");
    await waitFor(() => expect(row("Call the bank")?.textContent).toMatch(/Conflict/));
    expect(row("Call the bank")?.textContent).toMatch(/a calendar event overlaps it/);
    expect(row("Water plants")?.textContent).not.toMatch(/Conflict/);
  });
});
