// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";
import { shiftWeek, toLocalDate, weekContaining } from "./week-range.ts";

const ZONE = "Europe/Berlin";

/** The toast showing `text`, to reach its own buttons. */
async function findToast(text: string | RegExp) {
  const toast = (await screen.findByText(text)).closest("li");
  if (!toast) throw new Error(`no toast around "${text}"`);
  return toast;
}

/** Opens the block's details dialog on the week of `start`. */
async function openBlock(person: Awaited<ReturnType<typeof signUp>>, week: { from: Date }, summary: string) {
  const user = userEvent.setup();
  const { container } = renderApp({ cookie: person.cookie, path: `/week?week=${toLocalDate(week.from, ZONE)}` });
  await waitFor(() => expect(calendarEvent(container, summary)).toBeDefined());
  await user.click(calendarEvent(container, summary) as HTMLElement);
  const dialog = await screen.findByRole("dialog", { name: summary });
  return { user, container, dialog };
}

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

  it("completes with Undo in the toast: Undo reopens the task", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const { week, start } = nextTuesdayAtTen();
    const task = await api.scheduler.tasks.create.mutate({ summary: "Sharpen saw", minutes: 30, startTime: start });
    const { user, container, dialog } = await openBlock(person, week, "Sharpen saw");

    await user.click(within(dialog).getByRole("button", { name: "Complete" }));
    const toast = await findToast("Completed “Sharpen saw”.");
    await user.click(within(toast).getByRole("button", { name: "Undo" }));

    await waitFor(() => expect(calendarEvent(container, "Sharpen saw")?.className).toMatch(/agenda-task/));
    await expect(api.scheduler.tasks.byId.query({ id: task.id })).resolves.toMatchObject({ completedAt: null });
  });

  it("edits the task in the dialog with the task edit form", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const { week, start } = nextTuesdayAtTen();
    const task = await api.scheduler.tasks.create.mutate({ summary: "Draft memo", minutes: 30, startTime: start });
    const { user, container, dialog } = await openBlock(person, week, "Draft memo");

    await user.click(within(dialog).getByRole("button", { name: "Edit" }));
    const form = await screen.findByRole("form", { name: 'Edit "Draft memo"' });
    const summary = within(form).getByLabelText("Summary");
    await user.clear(summary);
    await user.type(summary, "Final memo");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    // Back on the details, under the new name; the block follows.
    expect(await screen.findByRole("dialog", { name: "Final memo" })).toBeDefined();
    await waitFor(() => expect(calendarEvent(container, "Final memo")).toBeDefined());
    await expect(api.scheduler.tasks.byId.query({ id: task.id })).resolves.toMatchObject({ summary: "Final memo" });
  });

  it("shows the task's history in the dialog when asked", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const { week, start } = nextTuesdayAtTen();
    await api.scheduler.tasks.create.mutate({ summary: "Book hall", minutes: 60, startTime: start });
    const { user, dialog } = await openBlock(person, week, "Book hall");

    await user.click(within(dialog).getByRole("button", { name: /History/ }));
    const history = await within(dialog).findByRole("list", { name: "Task history" });
    expect(within(history).getByText(/^Created for .* 10:00–11:00$/)).toBeDefined();
  });

  it("unschedules the task: off the calendar, unplanned again; Undo puts the time back", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const { week, start } = nextTuesdayAtTen();
    const task = await api.scheduler.tasks.create.mutate({ summary: "Tidy desk", minutes: 30, startTime: start });
    const { user, container, dialog } = await openBlock(person, week, "Tidy desk");

    await user.click(within(dialog).getByRole("button", { name: "Unschedule" }));

    await waitFor(() => expect(calendarEvent(container, "Tidy desk")).toBeUndefined());
    expect(screen.queryByRole("dialog", { name: "Tidy desk" })).toBeNull();
    await expect(api.scheduler.tasks.byId.query({ id: task.id })).resolves.toMatchObject({
      startTime: null,
      endTime: null,
    });

    await user.click(within(await findToast("Unscheduled “Tidy desk”")).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(calendarEvent(container, "Tidy desk")).toBeDefined());
    expect((await api.scheduler.tasks.byId.query({ id: task.id })).startTime?.toISOString()).toBe(start.toISOString());
  });

  it("deletes with Undo: the block goes at once, Undo brings it back, closing the toast deletes it", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const { week, start } = nextTuesdayAtTen();
    const task = await api.scheduler.tasks.create.mutate({ summary: "Old errand", minutes: 30, startTime: start });
    const { user, container, dialog } = await openBlock(person, week, "Old errand");

    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(calendarEvent(container, "Old errand")).toBeUndefined());
    await user.click(within(await findToast("Deleted “Old errand”")).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(calendarEvent(container, "Old errand")).toBeDefined());
    await expect(api.scheduler.tasks.byId.query({ id: task.id })).resolves.toMatchObject({ summary: "Old errand" });

    await user.click(calendarEvent(container, "Old errand") as HTMLElement);
    await user.click(
      within(await screen.findByRole("dialog", { name: "Old errand" })).getByRole("button", { name: "Delete" }),
    );
    await user.click(within(await findToast("Deleted “Old errand”")).getByRole("button", { name: /close/i }));
    await expect
      .poll(() => api.scheduler.tasks.list.query({ isComplete: false }).then((page) => page.items.length))
      .toBe(0);
    expect(calendarEvent(container, "Old errand")).toBeUndefined();
  });

  it("gives focus back to the block when the dialog opened from it with the keyboard closes", async () => {
    const person = await signUp({ timeZone: ZONE });
    const { week, start } = nextTuesdayAtTen();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Call mum", minutes: 30, startTime: start });
    const user = userEvent.setup();
    const { container } = renderApp({ cookie: person.cookie, path: `/week?week=${toLocalDate(week.from, ZONE)}` });
    await waitFor(() => expect(calendarEvent(container, "Call mum")).toBeDefined());
    const block = calendarEvent(container, "Call mum") as HTMLElement;
    block.focus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Call mum" });

    await user.click(within(dialog).getByRole("button", { name: "Close" }));

    await waitFor(() => expect(document.activeElement).toBe(block));
  });
});
