// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { type SignedUp, signUp } from "../../testing/sign-up.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A zone where it is now between 03:00 and 20:59, so "in an hour" is still today there
 * whenever the test runs (the offsets listed span the whole day).
 */
function zoneInDaytime(): string {
  const zones = ["Europe/Berlin", "Asia/Tokyo", "America/New_York", "Pacific/Honolulu", "Asia/Kolkata"];
  const hourIn = (timeZone: string) =>
    Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(new Date()));
  const zone = zones.find((candidate) => hourIn(candidate) >= 3 && hourIn(candidate) <= 20);
  if (!zone) throw new Error("no zone in daytime");
  return zone;
}

/** A whole-day window every day, so a re-plan always finds room right away. */
async function addAllDayPlanner(person: SignedUp) {
  const today = new Date().toISOString().slice(0, 10);
  await apiFor(person).scheduler.planners.create.mutate({
    name: "Any time",
    recurrence: "FREQ=DAILY",
    startDate: today,
    startTime: "00:00",
    minutes: 1440,
  });
}

function section(name: string) {
  return screen.getByRole("region", { name: new RegExp(`^${name}`) });
}

describe("Today", () => {
  it("shows overdue, today's plan in time order and what is due today, each task once", async () => {
    const person = await signUp({ timeZone: zoneInDaytime() });
    const api = apiFor(person);
    const now = Date.now();
    await api.scheduler.tasks.create.mutate({ summary: "Late report", dueAt: new Date(now - DAY) });
    await api.scheduler.tasks.create.mutate({ summary: "Review", startTime: new Date(now + 90 * MINUTE) });
    await api.scheduler.tasks.create.mutate({ summary: "Standup", startTime: new Date(now + 30 * MINUTE) });
    await api.scheduler.tasks.create.mutate({ summary: "Send invoice", dueAt: new Date(now + 60 * MINUTE) });
    await api.scheduler.tasks.create.mutate({ summary: "Someday" });
    renderApp({ cookie: person.cookie, path: "/today" });

    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeDefined();
    const names = (region: HTMLElement) =>
      within(region)
        .getAllByRole("listitem")
        .map((item) => item.querySelector("p")?.textContent);
    expect(names(section("Overdue"))).toEqual(["Late report"]);
    expect(names(section("Scheduled today"))).toEqual(["Standup", "Review"]);
    expect(names(section("Due today"))).toEqual(["Send invoice"]);
    expect(screen.queryByText("Someday")).toBeNull();
  });

  it("lists the time a plan kept today for a repeating task whose earlier occurrence is still open", async () => {
    const person = await signUp({ timeZone: zoneInDaytime() });
    await addAllDayPlanner(person);
    const api = apiFor(person);
    // Yesterday's occurrence is still open; today's is due in three hours.
    await api.scheduler.tasks.create.mutate({
      summary: "Standup notes",
      minutes: 15,
      dueAt: new Date(Date.now() - DAY + 3 * 60 * MINUTE),
      recurrence: "FREQ=DAILY",
    });
    const plan = await api.scheduler.plan.commit.mutate({ horizonDays: 2 });
    const today = plan.changes.find((change) => change.occurrence?.index === 2);
    if (!today) throw new Error("the plan kept no time for today's occurrence");
    renderApp({ cookie: person.cookie, path: "/today" });

    const kept = await screen.findByRole("list", { name: "Kept for repeating tasks" });
    const [row, ...others] = within(kept).getAllByRole("listitem");
    expect(others).toEqual([]);
    expect(row?.textContent).toContain("Standup notes");
    expect(row?.querySelector("time")?.getAttribute("dateTime")).toBe(today.newStart.toISOString());
    expect(within(section("Overdue")).getByText("Standup notes")).toBeDefined();
  });

  it("says so when a section is empty", async () => {
    const person = await signUp();
    renderApp({ cookie: person.cookie, path: "/today" });
    expect(await screen.findByText("Nothing overdue")).toBeDefined();
    expect(screen.getByText("Nothing planned for the rest of today")).toBeDefined();
    expect(screen.getByText("Nothing else is due today")).toBeDefined();
    expect(screen.getByRole("link", { name: "Plan your week" })).toBeDefined();
  });

  it("re-plans an overdue task with one click, with Undo on offer", async () => {
    const person = await signUp({ timeZone: zoneInDaytime() });
    await addAllDayPlanner(person);
    const api = apiFor(person);
    const late = await api.scheduler.tasks.create.mutate({ summary: "Late report", dueAt: new Date(Date.now() - DAY) });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/today" });

    await user.click(await screen.findByRole("button", { name: 'Re-plan "Late report"' }));

    const toast = (await screen.findByText("Re-planned 1 task")).closest("li");
    expect(toast ? within(toast).getByRole("button", { name: "Undo" }) : null).not.toBeNull();
    const planned = await api.scheduler.tasks.byId.query({ id: late.id });
    expect(planned.startTime).not.toBeNull();
    // It has a time to come now, so it needs no more re-planning (its deadline stays passed).
    await waitFor(() => expect(screen.queryByRole("button", { name: 'Re-plan "Late report"' })).toBeNull());
    expect(screen.queryByRole("button", { name: "Re-plan all overdue" })).toBeNull();
  });

  it("is the home page once the person has planned, and the Inbox before", async () => {
    const newcomer = await signUp();
    const first = renderApp({ cookie: newcomer.cookie, path: "/" });
    await waitFor(() => expect(first.router.state.location.pathname).toBe("/inbox"));
    cleanup();

    const planner = await signUp();
    await apiFor(planner).scheduler.tasks.create.mutate({
      summary: "Dentist",
      startTime: new Date(Date.now() + 2 * DAY),
    });
    const second = renderApp({ cookie: planner.cookie, path: "/" });
    await waitFor(() => expect(second.router.state.location.pathname).toBe("/today"));
    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeDefined();
  });
});
