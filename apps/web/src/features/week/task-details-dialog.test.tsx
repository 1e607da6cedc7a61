// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";
import { shiftWeek, toLocalDate, weekContaining } from "./week-range.ts";

const ZONE = "Europe/Berlin";

afterEach(() => {
  cleanup();
});

/** Tuesday 10:00 next week in Berlin: always in the future, always on the shown grid. */
function nextTuesdayAtTen() {
  const week = shiftWeek(weekContaining(new Date(), ZONE), 1, ZONE);
  const start = DateTime.fromJSDate(week.from, { zone: ZONE }).plus({ days: 1 }).set({ hour: 10 }).toJSDate();
  return { week, start };
}

function calendarEvent(container: HTMLElement, text: string): HTMLElement | undefined {
  return [...container.querySelectorAll<HTMLElement>(".fc-event")].find((el) => el.textContent?.includes(text));
}

describe("a task block on the week", () => {
  it("opens the task's details and completes it, greying the block; Reopen brings it back", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const { week, start } = nextTuesdayAtTen();
    const task = await api.scheduler.tasks.create.mutate({
      summary: "Dentist",
      minutes: 45,
      priority: 4,
      startTime: start,
    });
    const user = userEvent.setup();
    const { container } = renderApp({ cookie: person.cookie, path: `/week?week=${toLocalDate(week.from, ZONE)}` });

    await waitFor(() => expect(calendarEvent(container, "Dentist")).toBeDefined());
    await user.click(calendarEvent(container, "Dentist") as HTMLElement);

    const dialog = await screen.findByRole("dialog", { name: "Dentist" });
    expect(within(dialog).getByText("45 min")).toBeDefined();
    // The priority by its name from the one table, not a bare number.
    expect(within(dialog).getByText("P2 high")).toBeDefined();
    expect(within(dialog).getByText(/10:00–10:45/)).toBeDefined();
    await user.click(within(dialog).getByRole("button", { name: "Complete" }));

    expect(await screen.findByText("Completed “Dentist”.")).toBeDefined();
    await waitFor(() => expect(calendarEvent(container, "Dentist")?.className).toMatch(/agenda-done/));
    expect((await api.scheduler.tasks.byId.query({ id: task.id })).completedAt).not.toBeNull();

    await user.click(calendarEvent(container, "Dentist") as HTMLElement);
    await user.click(
      within(await screen.findByRole("dialog", { name: "Dentist" })).getByRole("button", { name: "Reopen" }),
    );
    await waitFor(() => expect(calendarEvent(container, "Dentist")?.className).toMatch(/agenda-task/));
    expect((await api.scheduler.tasks.byId.query({ id: task.id })).completedAt).toBeNull();
  });

  it("puts the block back and says why when the server refuses to complete it", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const { week, start } = nextTuesdayAtTen();
    const task = await api.scheduler.tasks.create.mutate({ summary: "Gone soon", minutes: 30, startTime: start });
    const user = userEvent.setup();
    const { container } = renderApp({ cookie: person.cookie, path: `/week?week=${toLocalDate(week.from, ZONE)}` });
    await waitFor(() => expect(calendarEvent(container, "Gone soon")).toBeDefined());
    await user.click(calendarEvent(container, "Gone soon") as HTMLElement);
    const dialog = await screen.findByRole("dialog", { name: "Gone soon" });

    // Deleted in another tab while the dialog is open.
    await api.scheduler.tasks.delete.mutate({ id: task.id });
    await user.click(within(dialog).getByRole("button", { name: "Complete" }));

    expect(await screen.findByText(/could not complete the task/i)).toBeDefined();
  });

  it("moves a task to a typed time, keeping its length, and says why a past time is refused", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const { week, start } = nextTuesdayAtTen();
    const task = await api.scheduler.tasks.create.mutate({ summary: "Pair review", minutes: 30, startTime: start });
    const user = userEvent.setup();
    const { container } = renderApp({ cookie: person.cookie, path: `/week?week=${toLocalDate(week.from, ZONE)}` });
    await waitFor(() => expect(calendarEvent(container, "Pair review")).toBeDefined());
    await user.click(calendarEvent(container, "Pair review") as HTMLElement);
    const dialog = await screen.findByRole("dialog", { name: "Pair review" });

    const starts = within(dialog).getByLabelText("Starts");
    await user.clear(starts);
    await user.type(starts, "2020-01-01T09:00");
    await user.click(within(dialog).getByRole("button", { name: "Move" }));
    expect((await within(dialog).findByRole("alert")).textContent).toMatch(/past/i);
    expect((await api.scheduler.tasks.byId.query({ id: task.id })).startTime?.toISOString()).toBe(start.toISOString());

    const wednesdayAtTwo = DateTime.fromJSDate(start, { zone: ZONE }).plus({ days: 1 }).set({ hour: 14 });
    await user.clear(starts);
    await user.type(starts, wednesdayAtTwo.toFormat("yyyy-LL-dd'T'HH:mm"));
    await user.click(within(dialog).getByRole("button", { name: "Move" }));

    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Pair review" })).toBeNull());
    const moved = await api.scheduler.tasks.byId.query({ id: task.id });
    expect(moved.startTime?.toISOString()).toBe(wednesdayAtTwo.toJSDate().toISOString());
    expect(moved.endTime?.toISOString()).toBe(wednesdayAtTwo.plus({ minutes: 30 }).toJSDate().toISOString());
  });
});
