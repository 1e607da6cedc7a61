// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { endOfDayFromDateInput } from "../../lib/time.ts";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { type SignedUp, signUp } from "../../testing/sign-up.ts";

async function inboxSummaries(person: SignedUp) {
  const { items } = await apiFor(person).scheduler.tasks.list.query({ projectId: null, scheduled: false });
  return items.map((task) => task.summary);
}

/** The toast showing `text`, to reach its own buttons (every toast has a close button). */
async function findToast(text: string) {
  const title = await screen.findByText(text);
  const toast = title.closest("li");
  if (!toast) throw new Error(`no toast around "${text}"`);
  return toast;
}

describe("inbox rows", () => {
  it("completes a task: the row goes at once and the server has it done", async () => {
    const person = await signUp();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Pay rent" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("checkbox", { name: 'Complete "Pay rent"' }));

    expect(screen.queryByRole("checkbox", { name: 'Complete "Pay rent"' })).toBeNull();
    expect(await screen.findByText("Completed “Pay rent”")).toBeDefined();
    const done = await apiFor(person).scheduler.tasks.list.query({ isComplete: true });
    expect(done.items.map((task) => task.summary)).toEqual(["Pay rent"]);
  });

  it("tells when a repeating task comes back, in the person's zone", async () => {
    const person = await signUp({ timeZone: "Europe/Berlin" });
    const api = apiFor(person);
    const dueAt = endOfDayFromDateInput("2030-01-15", "Europe/Berlin") ?? new Date(Number.NaN);
    const { rule } = await api.scheduler.recurrence.preview.query({
      preset: { kind: "daily" },
      start: dueAt,
      count: 1,
    });
    await api.scheduler.tasks.create.mutate({ summary: "Stretch", dueAt, recurrence: rule });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("checkbox", { name: 'Complete "Stretch"' }));

    expect(await screen.findByText("Completed “Stretch”. Next occurrence: Wed 16 Jan")).toBeDefined();
    // The next occurrence is a new task in the inbox.
    expect(await screen.findByRole("checkbox", { name: 'Complete "Stretch"' })).toBeDefined();
  });

  it("undoes a completion from the toast: the task is open again and in the list", async () => {
    const person = await signUp();
    const task = await apiFor(person).scheduler.tasks.create.mutate({ summary: "Water plants" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("checkbox", { name: 'Complete "Water plants"' }));
    const toast = await findToast("Completed “Water plants”");
    // Announced politely, Undo reachable by keyboard.
    expect(within(toast).getByRole("status").textContent).toContain("Completed “Water plants”");
    await user.click(within(toast).getByRole("button", { name: "Undo" }));

    expect(await screen.findByRole("checkbox", { name: 'Complete "Water plants"' })).toBeDefined();
    await expect(apiFor(person).scheduler.tasks.byId.query({ id: task.id })).resolves.toMatchObject({
      completedAt: null,
    });
  });

  it("undoing a repeating task's completion removes the occurrence it created, leaving one task", async () => {
    const person = await signUp({ timeZone: "Europe/Berlin" });
    const api = apiFor(person);
    const dueAt = endOfDayFromDateInput("2030-01-15", "Europe/Berlin") ?? new Date(Number.NaN);
    const { rule } = await api.scheduler.recurrence.preview.query({
      preset: { kind: "daily" },
      start: dueAt,
      count: 1,
    });
    const task = await api.scheduler.tasks.create.mutate({ summary: "Floss", dueAt, recurrence: rule });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("checkbox", { name: 'Complete "Floss"' }));
    const toast = await findToast("Completed “Floss”. Next occurrence: Wed 16 Jan");
    await user.click(within(toast).getByRole("button", { name: "Undo" }));

    expect(await screen.findByText("Reopened “Floss”")).toBeDefined();
    const open = await api.scheduler.tasks.list.query({ projectId: null });
    expect(open.items.map((item) => item.id)).toEqual([task.id]);
  });

  it("puts a task back and says why when completing it is refused (deleted meanwhile elsewhere)", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const task = await api.scheduler.tasks.create.mutate({ summary: "Call the bank" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });
    const checkbox = await screen.findByRole("checkbox", { name: 'Complete "Call the bank"' });

    await api.scheduler.tasks.delete.mutate({ id: task.id });
    await user.click(checkbox);

    expect(await screen.findByText("Could not complete the task. That task does not exist.")).toBeDefined();
    // Rolled back, then the refetch agrees with the server: the task is gone.
    await waitFor(() => expect(screen.queryByRole("checkbox", { name: 'Complete "Call the bank"' })).toBeNull());
    expect(await screen.findByText("Your inbox is empty")).toBeDefined();
  });

  it("puts the row back when the complete does not reach the server", async () => {
    const person = await signUp();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Book dentist" });
    // Only the complete call is lost on the way; everything else reaches the real server.
    const losingCompletes: typeof fetch = (input, init) =>
      String(input).includes("scheduler.tasks.complete")
        ? Promise.reject(new TypeError("Failed to fetch"))
        : fetch(input, init);
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox", fetch: losingCompletes });

    await user.click(await screen.findByRole("checkbox", { name: 'Complete "Book dentist"' }));

    expect(await screen.findByText(/Could not complete the task\. Cannot reach the server/)).toBeDefined();
    expect(await screen.findByRole("checkbox", { name: 'Complete "Book dentist"' })).toBeDefined();
    expect(await inboxSummaries(person)).toEqual(["Book dentist"]);
  });

  it("deletes with Undo: nothing is deleted while Undo is offered, and Undo brings the row back", async () => {
    const person = await signUp();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Old idea" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("button", { name: 'Delete "Old idea"' }));

    expect(screen.queryByRole("button", { name: 'Delete "Old idea"' })).toBeNull();
    const toast = await findToast("Deleted “Old idea”");
    expect(await inboxSummaries(person)).toEqual(["Old idea"]);

    await user.click(within(toast).getByRole("button", { name: "Undo" }));

    expect(await screen.findByRole("button", { name: 'Delete "Old idea"' })).toBeDefined();
    expect(await inboxSummaries(person)).toEqual(["Old idea"]);
  });

  it("deletes for real once the undo toast closes without Undo", async () => {
    const person = await signUp();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Stale note" });
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Keep me" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("button", { name: 'Delete "Stale note"' }));
    // Closing the toast ends the undo window just as its timeout does (both call the same commit).
    await user.click(within(await findToast("Deleted “Stale note”")).getByRole("button", { name: "Close toast" }));

    await waitFor(async () => expect(await inboxSummaries(person)).toEqual(["Keep me"]));
    expect(screen.queryByRole("button", { name: 'Delete "Stale note"' })).toBeNull();
    expect(screen.getByRole("button", { name: 'Delete "Keep me"' })).toBeDefined();
  });

  it("keeps a deleted task hidden when leaving the inbox, and deletes it when the toast closes later", async () => {
    const person = await signUp();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Gone soon" });
    const user = userEvent.setup();
    const { router } = renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("button", { name: 'Delete "Gone soon"' }));
    const toast = await findToast("Deleted “Gone soon”");
    await router.navigate("/settings");
    await router.navigate("/inbox");
    expect(await screen.findByText("Your inbox is empty")).toBeDefined();
    expect(await inboxSummaries(person)).toEqual(["Gone soon"]);

    // The toast outlived the page that opened it; closing it still sends the delete.
    await user.click(within(toast).getByRole("button", { name: "Close toast" }));
    await waitFor(async () => expect(await inboxSummaries(person)).toEqual([]));
  });

  it("edits a task in place; Escape leaves without saving", async () => {
    const person = await signUp();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Write report" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const edit = await screen.findByRole("button", { name: 'Edit "Write report"' });
    await user.click(edit);
    const form = screen.getByRole("form", { name: 'Edit "Write report"' });
    await user.type(within(form).getByLabelText("Summary"), " draft");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("form", { name: 'Edit "Write report"' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: 'Edit "Write report"' }));

    await user.click(screen.getByRole("button", { name: 'Edit "Write report"' }));
    const again = screen.getByRole("form", { name: 'Edit "Write report"' });
    const summary = within(again).getByLabelText("Summary");
    await user.clear(summary);
    await user.type(summary, "Write quarterly report");
    await user.clear(within(again).getByLabelText("Minutes"));
    await user.type(within(again).getByLabelText("Minutes"), "90");
    await user.type(within(again).getByLabelText("Description"), "Numbers from finance");
    await user.click(within(again).getByRole("button", { name: "Save" }));

    expect(await screen.findByRole("button", { name: 'Edit "Write quarterly report"' })).toBeDefined();
    const { items } = await apiFor(person).scheduler.tasks.list.query({ projectId: null });
    expect(items[0]).toMatchObject({
      summary: "Write quarterly report",
      minutes: 90,
      description: "Numbers from finance",
    });
  });

  it("shows the server's refusal next to the edited field", async () => {
    const person = await signUp();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Tidy desk" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("button", { name: 'Edit "Tidy desk"' }));
    const form = screen.getByRole("form", { name: 'Edit "Tidy desk"' });
    await user.clear(within(form).getByLabelText("Summary"));
    await user.type(within(form).getByLabelText("Summary"), "   ");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const summary = within(form).getByLabelText("Summary");
    await waitFor(() => expect(summary.getAttribute("aria-invalid")).toBe("true"));
    expect(within(form).getByText("Enter a summary")).toBeDefined();
    expect(await inboxSummaries(person)).toEqual(["Tidy desk"]);
  });
});
