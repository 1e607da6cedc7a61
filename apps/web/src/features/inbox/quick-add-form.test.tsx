// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../lib/time.ts";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

const inboxList = () => screen.findByRole("list", { name: "Inbox tasks" });

describe("quick add", () => {
  it("adds a task to the end of the inbox, then clears and refocuses the summary", async () => {
    const person = await signUp();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Already here" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await inboxList();
    const summary = screen.getByLabelText("Summary");
    await user.type(summary, "Write report");
    await user.type(screen.getByLabelText("Minutes"), "45");
    await user.selectOptions(screen.getByLabelText("Priority"), "3");
    await user.click(screen.getByRole("button", { name: "Add task" }));

    await waitFor(async () => {
      const rows = within(await inboxList()).getAllByRole("listitem");
      expect(rows.map((row) => row.textContent)).toEqual([
        expect.stringContaining("Already here"),
        expect.stringContaining("Write report"),
      ]);
    });
    // The row names the priority from the one table.
    expect(within(await inboxList()).getByText(/P3 medium/)).toBeDefined();
    expect((summary as HTMLInputElement).value).toBe("");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const { items } = await apiFor(person).scheduler.tasks.list.query({ projectId: null });
    expect(items.find((task) => task.summary === "Write report")).toMatchObject({ minutes: 45, priority: 3 });
  });

  it("resets every field to its default after an add, so the next task starts clean in the inbox", async () => {
    const person = await signUp({ timeZone: "Europe/Berlin" });
    const api = apiFor(person);
    const garden = await api.scheduler.projects.create.mutate({ name: "Garden" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const summary = await screen.findByLabelText("Summary");
    await user.type(summary, "Water the plants");
    await user.type(screen.getByLabelText("Minutes"), "90");
    await user.selectOptions(screen.getByLabelText("Priority"), "4");
    await screen.findByRole("option", { name: "Garden" });
    await user.selectOptions(screen.getByLabelText("Project"), "Garden");
    await user.type(screen.getByLabelText("Deadline"), "2030-01-15");
    await user.selectOptions(screen.getByLabelText("Repeats"), "daily");
    await user.click(screen.getByRole("button", { name: "Add task" }));

    expect(await screen.findByText("Added “Water the plants” to Garden")).toBeDefined();
    expect((summary as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("Minutes") as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("Priority") as HTMLSelectElement).value).toBe("0");
    expect((screen.getByLabelText("Project") as HTMLSelectElement).value).toBe("");
    expect((screen.getByLabelText("Deadline") as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("Repeats") as HTMLSelectElement).value).toBe("");
    await waitFor(() => expect(document.activeElement).toBe(summary));

    // The next task, typed with nothing else, lands in the inbox with the defaults.
    await user.type(summary, "Book dentist");
    await user.click(screen.getByRole("button", { name: "Add task" }));
    expect(await within(await inboxList()).findByText("Book dentist")).toBeDefined();
    const { items } = await api.scheduler.tasks.list.query({ projectId: null });
    expect(items).toEqual([
      expect.objectContaining({ summary: "Book dentist", minutes: 30, priority: 0, dueAt: null, recurrence: null }),
    ]);
    const inGarden = await api.scheduler.tasks.list.query({ projectId: garden.id });
    expect(inGarden.items.map((task) => task.summary)).toEqual(["Water the plants"]);
  });

  it("refuses too many minutes under Minutes with the server's own rule, before any request", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.type(await screen.findByLabelText("Summary"), "Plan the offsite");
    await user.type(screen.getByLabelText("Minutes"), "999");
    await user.click(screen.getByRole("button", { name: "Add task" }));

    const minutes = screen.getByLabelText("Minutes");
    await waitFor(() => expect(minutes.getAttribute("aria-invalid")).toBe("true"));
    const errorId = minutes.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "";
    expect(document.getElementById(errorId)?.textContent).toBe("A task takes at most 480 minutes");
    expect((screen.getByLabelText("Summary") as HTMLInputElement).value).toBe("Plan the offsite");
    expect(screen.getByLabelText("Summary").getAttribute("aria-invalid")).toBeNull();
    // The first invalid field gets focus, so the person can fix it at once.
    await waitFor(() => expect(document.activeElement).toBe(minutes));
    expect(await screen.findByText("Your inbox is empty")).toBeDefined();

    // Fixing the field clears its message as it is typed.
    await user.clear(minutes);
    await user.type(minutes, "60");
    await waitFor(() => expect(minutes.getAttribute("aria-invalid")).toBeNull());
  });

  it("explains under Deadline that a repeating task needs a date, then adds it with the server's rule", async () => {
    const person = await signUp({ timeZone: "Europe/Berlin" });
    const api = apiFor(person);
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.type(await screen.findByLabelText("Summary"), "Water the plants");
    await user.selectOptions(screen.getByLabelText("Repeats"), "weekly");
    await user.click(screen.getByRole("button", { name: "Add task" }));

    const deadline = screen.getByLabelText("Deadline");
    await waitFor(() => expect(deadline.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("A task that repeats on a schedule needs a start time or a due date.")).toBeDefined();

    // 15 January 2030 is a Tuesday: "every week" from it means Tuesdays.
    await user.type(deadline, "2030-01-15");
    expect(await screen.findByText("Repeats weekly on Tuesday")).toBeDefined();
    await user.click(screen.getByRole("button", { name: "Add task" }));

    expect(await within(await inboxList()).findByText("Water the plants")).toBeDefined();
    const [task] = (await api.scheduler.tasks.list.query({ projectId: null })).items;
    const expected = await api.scheduler.recurrence.preview.query({
      preset: { kind: "weekly", days: ["TU"] },
      start: new Date("2030-01-15T22:59:59.999Z"),
      count: 1,
    });
    expect(task?.recurrence).toBe(expected.rule);
    // The end of 15 January in Berlin, whatever the machine's zone.
    expect(task?.dueAt?.toISOString()).toBe("2030-01-15T22:59:59.999Z");
  });

  it("sends a task straight to a project, which leaves the inbox and says where it went", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const garden = await api.scheduler.projects.create.mutate({ name: "Garden" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.type(await screen.findByLabelText("Summary"), "Plant tulips");
    await screen.findByRole("option", { name: "Garden" });
    await user.selectOptions(screen.getByLabelText("Project"), "Garden");
    await user.click(screen.getByRole("button", { name: "Add task" }));

    expect(await screen.findByText("Added “Plant tulips” to Garden")).toBeDefined();
    expect(screen.queryByRole("list", { name: "Inbox tasks" })).toBeNull();
    const { items } = await api.scheduler.tasks.list.query({ projectId: garden.id });
    expect(items.map((task) => task.summary)).toEqual(["Plant tulips"]);
  });

  it("reads a natural-language line into chips, then saves exactly what they say", async () => {
    const person = await signUp({ timeZone: "Asia/Kathmandu" });
    const api = apiFor(person);
    const health = await api.scheduler.projects.create.mutate({ name: "Health" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await screen.findByRole("option", { name: "Health" });
    const summary = screen.getByLabelText("Summary");
    await user.type(summary, "Book dentist tomorrow 3pm 30m p1 #Health every weekday");

    // 15:00 tomorrow in Kathmandu, whatever the machine's zone.
    const due = DateTime.now()
      .setZone("Asia/Kathmandu")
      .plus({ days: 1 })
      .set({ hour: 15, minute: 0 })
      .startOf("minute");
    const chips = await screen.findByRole("list", { name: /Adds “Book dentist”/ });
    expect(
      within(chips)
        .getAllByRole("listitem")
        .map((chip) => chip.firstChild?.textContent),
    ).toEqual([
      `Due ${formatDateTime(due.toJSDate(), "Asia/Kathmandu")}`,
      "30 min",
      "P1 urgent",
      "Project Health",
      "Repeats every weekday",
    ]);
    await user.click(screen.getByRole("button", { name: "Add task" }));

    expect(await screen.findByText("Added “Book dentist” to Health")).toBeDefined();
    const { items } = await api.scheduler.tasks.list.query({ projectId: health.id });
    expect(items).toEqual([
      expect.objectContaining({
        summary: "Book dentist",
        minutes: 30,
        priority: 5,
        projectId: health.id,
        dueAt: due.toJSDate(),
        recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      }),
    ]);
    expect((summary as HTMLInputElement).value).toBe("");
    expect(screen.queryByRole("list", { name: /Adds/ })).toBeNull();
  });

  it("saves a start read from the line, and the task's row says it waits until then", async () => {
    const person = await signUp({ timeZone: "Asia/Kathmandu" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.type(await screen.findByLabelText("Summary"), "Renew passport after tomorrow 10am 1h");
    const start = DateTime.now()
      .setZone("Asia/Kathmandu")
      .plus({ days: 1 })
      .set({ hour: 10, minute: 0 })
      .startOf("minute");
    const chips = await screen.findByRole("list", { name: /Adds “Renew passport”/ });
    expect(
      within(chips)
        .getAllByRole("listitem")
        .map((chip) => chip.firstChild?.textContent),
    ).toEqual([`Not before ${formatDateTime(start.toJSDate(), "Asia/Kathmandu")}`, "1 h"]);
    await user.click(screen.getByRole("button", { name: "Add task" }));

    const list = await inboxList();
    await waitFor(() => expect(within(list).getByText("Renew passport")).toBeDefined());
    expect(within(list).getByText(/Not before/).textContent).toBe(
      `Not before ${formatDateTime(start.toJSDate(), "Asia/Kathmandu")}`,
    );
    const { items } = await apiFor(person).scheduler.tasks.list.query({});
    expect(items).toEqual([
      expect.objectContaining({ summary: "Renew passport", minutes: 60, startAfter: start.toJSDate(), dueAt: null }),
    ]);
  });

  it("keeps a removed chip's words in the summary, and the words of what it cannot set", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const summary = await screen.findByLabelText("Summary");
    await user.type(summary, "Read p1 manual #Garden every fortnight");
    const chips = await screen.findByRole("list", { name: /Adds “Read manual #Garden every fortnight”/ });
    expect(
      within(chips)
        .getAllByRole("listitem")
        .map((chip) => chip.firstChild?.textContent),
    ).toEqual([
      "P1 urgent",
      "No project “Garden”: left in the summary",
      "Repeat not understood: “every fortnight” left in the summary",
    ]);

    await user.click(screen.getByRole("button", { name: "Remove P1 urgent" }));
    const after = await screen.findByRole("list", { name: /Adds “Read p1 manual #Garden every fortnight”/ });
    expect(within(after).queryByText("P1 urgent")).toBeNull();
    expect(document.activeElement).toBe(summary);
    await user.click(screen.getByRole("button", { name: "Add task" }));

    expect(await within(await inboxList()).findByText("Read p1 manual #Garden every fortnight")).toBeDefined();
    const { items } = await api.scheduler.tasks.list.query({ projectId: null });
    expect(items).toEqual([
      expect.objectContaining({
        summary: "Read p1 manual #Garden every fortnight",
        priority: 0,
        projectId: null,
        recurrence: null,
      }),
    ]);
  });

  it("gives a repeating line without a day its first day as the deadline, shown as a chip", async () => {
    const person = await signUp({ timeZone: "Asia/Kathmandu" });
    const api = apiFor(person);
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.type(await screen.findByLabelText("Summary"), "Stretch every day");
    const today = DateTime.now().setZone("Asia/Kathmandu").endOf("day");
    const chips = await screen.findByRole("list", { name: /Adds “Stretch”/ });
    expect(
      within(chips)
        .getAllByRole("listitem")
        .map((chip) => chip.firstChild?.textContent),
    ).toEqual(["Repeats every day", `Due ${today.toFormat("ccc d LLL")}, the first repeat`]);
    await user.click(screen.getByRole("button", { name: "Add task" }));

    expect(await within(await inboxList()).findByText("Stretch")).toBeDefined();
    const { items } = await api.scheduler.tasks.list.query({ projectId: null });
    expect(items).toEqual([
      expect.objectContaining({ summary: "Stretch", recurrence: "FREQ=DAILY", dueAt: today.toJSDate() }),
    ]);
  });
});
