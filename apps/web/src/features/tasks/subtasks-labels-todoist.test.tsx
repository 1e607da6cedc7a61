// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { renderWithProviders } from "../../testing/render-with-providers.tsx";
import { signUp } from "../../testing/sign-up.ts";
import { ProjectRow } from "../projects/project-row.tsx";
import { TaskRow } from "./task-row.tsx";
import type { Task } from "./task-types.ts";

const ZONE = "Europe/Berlin";

/** Each row's summary, indented by two spaces under the parent it is shown beneath. */
function rowsOf(list: HTMLElement): string[] {
  return Array.from(list.querySelectorAll<HTMLElement>(":scope > li")).map((row) => {
    const summary = row.querySelector("p")?.textContent ?? "";
    return row.dataset.parentId ? `  ${summary}` : summary;
  });
}

const noop = () => undefined;

describe("sub-tasks, labels and the Todoist mark", () => {
  it("shows the inbox's sub-tasks right after their parent, indented and named as sub-tasks, with label chips", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const trip = await api.scheduler.tasks.create.mutate({ summary: "Plan the trip" });
    await api.scheduler.tasks.create.mutate({ summary: "Water plants", labels: ["home", "daily"] });
    await api.scheduler.tasks.create.mutate({ summary: "Book flights", parentId: trip.id, labels: ["phone"] });
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const list = await screen.findByRole("list", { name: "Inbox tasks" });
    expect(rowsOf(list)).toEqual(["Plan the trip", "  Book flights", "Water plants"]);
    const step = list.querySelector<HTMLElement>("li[data-parent-id]");
    expect(step?.textContent).toContain("Sub-task of “Plan the trip”:");
    expect(step?.className).toContain("pl-10");
    const chips = (summary: string) => {
      const row = within(list).getByText(summary).closest("li") as HTMLElement;
      return within(row)
        .queryAllByRole("listitem")
        .map((chip) => chip.textContent);
    };
    expect(chips("Water plants")).toEqual(["home", "daily"]);
    expect(chips("Book flights")).toEqual(["phone"]);
    expect(chips("Plan the trip")).toEqual([]);
    // Nothing here is in Todoist.
    expect(screen.queryByRole("img", { name: "From Todoist" })).toBeNull();
  });

  it("nests a project's sub-tasks under their parent, and shows a sub-task of an unlisted parent as a task of its own", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const project = await api.scheduler.projects.create.mutate({ name: "House" });
    const move = await api.scheduler.tasks.create.mutate({ summary: "Move house", projectId: project.id });
    await api.scheduler.tasks.create.mutate({ summary: "Paint walls", projectId: project.id });
    await api.scheduler.tasks.create.mutate({ summary: "Pack books", parentId: move.id });
    const inboxParent = await api.scheduler.tasks.create.mutate({ summary: "Sort papers" });
    await api.scheduler.tasks.create.mutate({ summary: "Find deeds", parentId: inboxParent.id, projectId: project.id });
    renderApp({ cookie: person.cookie, path: `/projects/${project.id}` });

    const list = await screen.findByRole("list", { name: "Tasks" });
    expect(rowsOf(list)).toEqual(["Move house", "  Pack books", "Paint walls", "Find deeds"]);
  });

  it("marks a task from Todoist and shows the repeat in Todoist's words while editing", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const created = await api.scheduler.tasks.create.mutate({
      summary: "Review budget",
      dueAt: new Date(Date.now() + 86_400_000),
      recurrence: "FREQ=WEEKLY;INTERVAL=2",
    });
    // A link only the Todoist sync makes: the task as the server returns it once linked.
    const linked: Task = { ...created, todoistId: "6X7rM8997g3RQmvh", recurrenceText: "every other week" };
    const row = (editing: boolean) => (
      <ul>
        <TaskRow
          task={linked}
          timeZone={ZONE}
          editing={editing}
          onEdit={noop}
          onEditEnd={noop}
          onComplete={noop}
          onDelete={noop}
        />
      </ul>
    );
    const view = renderWithProviders(row(false), { cookie: person.cookie });

    const mark = await screen.findByRole("img", { name: "From Todoist" });
    expect(mark.getAttribute("title")).toBe("From Todoist");
    expect(screen.queryByText(/In Todoist:/)).toBeNull();

    view.unmount();
    renderWithProviders(row(true), { cookie: person.cookie });
    expect(await screen.findByText("In Todoist: every other week")).toBeDefined();
  });

  it("shows no repeat wording for a task without one", async () => {
    const person = await signUp({ timeZone: ZONE });
    const task = await apiFor(person).scheduler.tasks.create.mutate({ summary: "Plain" });
    renderWithProviders(
      <ul>
        <TaskRow task={task} timeZone={ZONE} editing onEdit={noop} onEditEnd={noop} onComplete={noop} onDelete={noop} />
      </ul>,
      { cookie: person.cookie },
    );
    expect(await screen.findByRole("textbox", { name: "Labels" })).toBeDefined();
    expect(screen.queryByText(/In Todoist:/)).toBeNull();
  });

  it("marks a project linked to Todoist where projects are listed, and not others", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    await api.scheduler.projects.create.mutate({ name: "Local" });
    const [local] = (await api.scheduler.projects.list.query({})).items;
    if (!local) throw new Error("no project");
    renderWithProviders(
      <ul>
        <ProjectRow project={local} />
        <ProjectRow project={{ ...local, id: crypto.randomUUID(), name: "Work", todoistId: "2203306141" }} />
      </ul>,
      { cookie: person.cookie },
    );

    const work = (await screen.findByRole("link", { name: "Work" })).closest("li") as HTMLElement;
    expect(within(work).getByRole("img", { name: "From Todoist" })).toBeDefined();
    const plain = screen.getByRole("link", { name: "Local" }).closest("li") as HTMLElement;
    expect(within(plain).queryByRole("img", { name: "From Todoist" })).toBeNull();
  });

  it("edits a task's labels, separated by commas", async () => {
    const person = await signUp({ timeZone: ZONE });
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Call the bank", labels: ["phone"] });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("button", { name: 'Edit "Call the bank"' }));
    const labels = await screen.findByRole("textbox", { name: "Labels" });
    expect((labels as HTMLInputElement).value).toBe("phone");
    await user.clear(labels);
    await user.type(labels, "phone, money ,, money");
    await user.click(screen.getByRole("button", { name: "Save" }));

    const list = await screen.findByRole("list", { name: "Inbox tasks" });
    await waitFor(() => {
      const row = within(list).getByText("Call the bank").closest("li") as HTMLElement;
      expect(
        within(row)
          .getAllByRole("listitem")
          .map((chip) => chip.textContent),
      ).toEqual(["phone", "money"]);
    });
  });
});
