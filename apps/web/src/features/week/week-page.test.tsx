// @vitest-environment jsdom
import type { QueryClient } from "@tanstack/react-query";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";
import { formatWeekRange, shiftWeek, toLocalDate, weekContaining } from "./week-range.ts";
import type { WeekRange } from "./week-types.ts";

const ZONE = "Europe/Berlin";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Next week is wholly in the future whenever the test runs, so plans and moves there are always allowed. */
function nextWeek() {
  return shiftWeek(weekContaining(new Date(), ZONE), 1, ZONE);
}

/** An instant in next week: `day` 0 is Monday, at the given local time in Berlin. */
function nextWeekAt(day: number, time: string): Date {
  const [hour, minute] = time.split(":").map(Number);
  return DateTime.fromJSDate(nextWeek().from, { zone: ZONE }).plus({ days: day }).set({ hour, minute }).toJSDate();
}

async function personWithWorkHours() {
  const person = await signUp({ timeZone: ZONE });
  const api = apiFor(person);
  await api.scheduler.planners.create.mutate({
    name: "Work",
    recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    startDate: toLocalDate(new Date(), ZONE),
    startTime: "09:00",
    minutes: 120,
  });
  return { person, api };
}

/** What a scheduler query holds for exactly this week's range (tRPC keys are [path, { input, type }]). */
function cachedFor(queryClient: QueryClient, router: string, procedure: string, week: WeekRange): unknown {
  const [query] = queryClient.getQueryCache().findAll({
    queryKey: [["scheduler", router, procedure], { input: { from: week.from, to: week.to }, type: "query" }],
    exact: true,
  });
  return query?.state.data;
}

function calendarEvent(container: HTMLElement, text: string): HTMLElement | undefined {
  return [...container.querySelectorAll<HTMLElement>(".fc-event")].find((el) => el.textContent?.includes(text));
}

describe("the week page", () => {
  it("previews a plan for the shown week, applies it and undoes it from the toast", async () => {
    const { person, api } = await personWithWorkHours();
    const report = await api.scheduler.tasks.create.mutate({ summary: "Write report", minutes: 60 });
    await api.scheduler.tasks.create.mutate({ summary: "Big migration", minutes: 240 });
    const user = userEvent.setup();
    const { container } = renderApp({ cookie: person.cookie, path: "/week" });

    await user.click(await screen.findByRole("button", { name: "Next week" }));
    await waitFor(() =>
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(formatWeekRange(nextWeek(), ZONE)),
    );
    await user.click(screen.getByRole("button", { name: "Plan my week" }));

    const dialog = await screen.findByRole("dialog", { name: "Plan preview" });
    const changes = await within(dialog).findByRole("list", { name: "Changes" });
    // The first free hour of next week: Monday 09:00-10:00 in Berlin.
    const monday = DateTime.fromJSDate(nextWeekAt(0, "09:00"), { zone: ZONE }).toFormat("ccc d LLL");
    expect(within(changes).getByText("Write report:").parentElement?.textContent).toBe(
      `Write report: unscheduled → ${monday} 09:00–10:00`,
    );
    const unplaced = within(dialog).getByRole("list", { name: "Not planned" });
    expect(unplaced.textContent).toBe("Big migration: needs 240 min; the longest free window is 120 min");

    await user.click(within(dialog).getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("Planned 1 task", {}, { timeout: 10_000 })).toBeDefined();
    expect(screen.queryByRole("dialog", { name: "Plan preview" })).toBeNull();
    // Focus is back on what opened the preview, not lost on the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Plan my week" })));
    const planned = await api.scheduler.tasks.byId.query({ id: report.id });
    expect(planned.startTime).toEqual(nextWeekAt(0, "09:00"));
    await waitFor(() => expect(calendarEvent(container, "Write report")).toBeDefined());

    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("Plan undone: 1 task is back where it was", {}, { timeout: 10_000 })).toBeDefined();
    await expect(api.scheduler.tasks.byId.query({ id: report.id })).resolves.toMatchObject({ startTime: null });
    await waitFor(() => expect(calendarEvent(container, "Write report")).toBeUndefined());
  });

  it("says there is nothing to plan yet for a person without tasks, and Cancel closes the preview", async () => {
    const { person } = await personWithWorkHours();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/week" });

    await user.click(await screen.findByRole("button", { name: "Next week" }));
    await user.click(screen.getByRole("button", { name: "Plan my week" }));
    const dialog = await screen.findByRole("dialog", { name: "Plan preview" });
    expect(await within(dialog).findByText("Nothing to plan yet - add a task")).toBeDefined();
    expect(within(dialog).queryByText(/already has a time/)).toBeNull();
    expect((within(dialog).getByRole("button", { name: "Apply" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("shows the week's tasks, pages through weeks, and undoes the last plan keeping what was edited since", async () => {
    const { person, api } = await personWithWorkHours();
    const week = nextWeek();
    const keep = await api.scheduler.tasks.create.mutate({ summary: "Plan me", minutes: 30 });
    const edited = await api.scheduler.tasks.create.mutate({ summary: "Edit me later", minutes: 30 });
    const moved = await api.scheduler.tasks.create.mutate({ summary: "Move me", minutes: 30 });
    await api.scheduler.plan.commit.mutate({ from: week.from, horizonDays: 7 });
    await api.scheduler.tasks.update.mutate({ id: edited.id, summary: "Edited since" });
    const placed = await api.scheduler.tasks.byId.query({ id: moved.id });
    await api.scheduler.tasks.update.mutate({ id: moved.id, startTime: nextWeekAt(4, "15:00") });
    expect(placed.startTime).not.toEqual(nextWeekAt(4, "15:00"));
    await api.scheduler.tasks.create.mutate({ summary: "Dentist", startTime: nextWeekAt(2, "14:00"), minutes: 45 });
    const done = await api.scheduler.tasks.create.mutate({
      summary: "File taxes",
      startTime: nextWeekAt(1, "16:00"),
      minutes: 30,
    });
    await api.scheduler.tasks.complete.mutate({ id: done.id });
    const user = userEvent.setup();
    const { container, queryClient } = renderApp({
      cookie: person.cookie,
      path: `/week?week=${toLocalDate(week.from, ZONE)}`,
    });

    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe(formatWeekRange(week, ZONE));
    await waitFor(() => expect(calendarEvent(container, "Dentist")).toBeDefined());
    expect(calendarEvent(container, "Plan me")).toBeDefined();
    expect(calendarEvent(container, "File taxes")?.classList.contains("agenda-done")).toBe(true);
    expect(calendarEvent(container, "Dentist")?.title).toMatch(/drag to move/i);
    // The shown week drives both queries. FullCalendar draws background events only once it
    // has measured its slots, which jsdom cannot do, so the windows are checked in the cache.
    await waitFor(() => expect(cachedFor(queryClient, "planners", "windows", week)).toHaveLength(5));
    expect(cachedFor(queryClient, "tasks", "agenda", week)).toMatchObject({ entries: expect.any(Array) });

    await user.click(screen.getByRole("button", { name: "Undo last plan" }));
    // One toast: how many went back, and which were kept and why.
    const kept = await screen.findByText(/^Left as they are:/, {}, { timeout: 10_000 });
    expect(kept.textContent).toContain("“Edited since” (edited since)");
    expect(kept.textContent).toContain("“Move me” (moved by hand after the plan)");
    expect(kept.closest("li")?.textContent).toContain("Plan undone: 1 task is back where it was");
    await expect(api.scheduler.tasks.byId.query({ id: keep.id })).resolves.toMatchObject({ startTime: null });
    await expect(api.scheduler.tasks.byId.query({ id: edited.id })).resolves.not.toMatchObject({ startTime: null });
    await waitFor(() => expect(screen.queryByRole("button", { name: "Undo last plan" })).toBeNull());
    await waitFor(() => expect(calendarEvent(container, "Plan me")).toBeUndefined());

    await user.click(screen.getByRole("button", { name: "Previous week" }));
    const thisWeek = formatWeekRange(weekContaining(new Date(), ZONE), ZONE);
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(thisWeek));
    await user.click(screen.getByRole("button", { name: "Previous week" }));
    await user.click(screen.getByRole("button", { name: "This week" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(thisWeek));
  });

  it("shows one day at a time on a narrow screen, picked from the week's days", async () => {
    // jsdom has no matchMedia; a phone-sized screen matches no min-width query.
    vi.stubGlobal("matchMedia", (query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const person = await signUp({ timeZone: ZONE });
    const week = nextWeek();
    await apiFor(person).scheduler.tasks.create.mutate({
      summary: "Thursday call",
      startTime: nextWeekAt(3, "10:00"),
      minutes: 30,
    });
    const user = userEvent.setup();
    const { container } = renderApp({ cookie: person.cookie, path: `/week?week=${toLocalDate(week.from, ZONE)}` });

    const days = await screen.findByRole("group", { name: "Day" });
    expect(within(days).getAllByRole("button")).toHaveLength(7);
    expect(container.querySelectorAll(".fc-timegrid-col[data-date]")).toHaveLength(1);
    expect(calendarEvent(container, "Thursday call")).toBeUndefined();

    const thursday = DateTime.fromJSDate(nextWeekAt(3, "10:00"), { zone: ZONE }).toFormat("cccc d LLLL");
    // Thursday has work on it: a dot, and "Has tasks" for screen readers; the other days none.
    await waitFor(() =>
      expect(
        within(days)
          .getAllByRole("button", { description: "Has tasks" })
          .map((day) => day.ariaLabel),
      ).toEqual([thursday]),
    );
    await user.click(within(days).getByRole("button", { name: thursday }));
    await waitFor(() => expect(calendarEvent(container, "Thursday call")).toBeDefined());
    expect(within(days).getByRole("button", { name: thursday }).getAttribute("aria-pressed")).toBe("true");
  });

  it("opens on the next working day on a narrow screen, not on a day whose hours are over", async () => {
    vi.stubGlobal("matchMedia", (query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const person = await signUp({ timeZone: ZONE });
    // Every day 00:00-00:15: today's hours are over (unless the test runs in those minutes).
    await apiFor(person).scheduler.planners.create.mutate({
      name: "Early",
      recurrence: "FREQ=DAILY",
      startDate: toLocalDate(new Date(), ZONE),
      startTime: "00:00",
      minutes: 15,
    });
    const now = DateTime.now().setZone(ZONE);
    const expected = (now.hour === 0 && now.minute < 15 ? now : now.plus({ days: 1 })).toFormat("cccc d LLLL");
    renderApp({ cookie: person.cookie, path: "/week" });

    const days = await screen.findByRole("group", { name: "Day" });
    await waitFor(() =>
      expect(within(days).getByRole("button", { name: expected }).getAttribute("aria-pressed")).toBe("true"),
    );
  });

  it("says so when a narrow screen opens on next week's first working day, with a way back to this week", async () => {
    vi.stubGlobal("matchMedia", (query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const person = await signUp({ timeZone: ZONE });
    // Work starts next Monday: nothing is left this week, whatever day the test runs on.
    const monday = toLocalDate(nextWeek().from, ZONE);
    await apiFor(person).scheduler.planners.create.mutate({
      name: "Work",
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      startDate: monday,
      startTime: "09:00",
      minutes: 60,
    });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/week" });

    const mondayName = DateTime.fromISO(monday, { zone: ZONE }).toFormat("cccc d LLLL");
    const note = await screen.findByText(
      (_, element) =>
        element?.getAttribute("role") === "status" && element.textContent?.startsWith("No working hours") === true,
    );
    expect(note.textContent).toBe(
      `No working hours are left this week, so this is your next working day, ${mondayName}. Show this week`,
    );
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(formatWeekRange(nextWeek(), ZONE));

    await user.click(within(note).getByRole("button", { name: "Show this week" }));
    const thisWeek = formatWeekRange(weekContaining(new Date(), ZONE), ZONE);
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(thisWeek));
    expect(screen.queryByText(/No working hours are left/)).toBeNull();
  });
});
