// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

/** The list item of the project linked as `name`. */
async function projectRow(name: string): Promise<HTMLElement> {
  const link = await screen.findByRole("link", { name });
  const row = link.closest("li");
  if (!row) throw new Error(`no row around ${name}`);
  return row;
}

describe("projects page", () => {
  it("creates a project in an area and lists it there with its task counts", async () => {
    const person = await signUp();
    const api = apiFor(person);
    await api.scheduler.areas.create.mutate({ name: "Work" });
    const user = userEvent.setup();
    const { queryClient } = renderApp({ cookie: person.cookie, path: "/projects" });

    expect(await screen.findByRole("heading", { name: "Projects", level: 1 })).toBeDefined();
    await user.type(screen.getByLabelText("Project name"), "Launch");
    await user.selectOptions(await screen.findByLabelText("Area"), "Work");
    await user.click(screen.getByRole("button", { name: "Create project" }));

    const work = screen.getByRole("region", { name: "Work" });
    const row = await within(work).findByRole("link", { name: "Launch" });
    expect(row.closest("li")?.textContent).toContain("0 open · 0 done");
    expect((screen.getByLabelText("Project name") as HTMLInputElement).value).toBe("");

    // Tasks added elsewhere show up in the counts of the project and of its area.
    const { items } = await api.scheduler.projects.list.query({});
    const launch = items.find((project) => project.name === "Launch");
    expect(launch?.areaId).not.toBeNull();
    const first = await api.scheduler.tasks.create.mutate({ summary: "Write notes", projectId: launch?.id });
    await api.scheduler.tasks.create.mutate({ summary: "Book room", projectId: launch?.id });
    await api.scheduler.tasks.create.mutate({ summary: "Invite", projectId: launch?.id });
    await api.scheduler.tasks.complete.mutate({ id: first.id });
    await queryClient.invalidateQueries();

    await waitFor(async () => expect((await projectRow("Launch")).textContent).toContain("2 open · 1 done"));
    expect(within(work).getAllByText("2 open · 1 done")).toHaveLength(2);
  });

  it("shows the server's message at the name field when the name is not acceptable", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/projects" });

    await user.type(await screen.findByLabelText("Project name"), "   ");
    await user.click(screen.getByRole("button", { name: "Create project" }));

    const name = screen.getByLabelText("Project name");
    await waitFor(() => expect(name.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = name.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe("Enter a name");
    expect(await apiFor(person).scheduler.projects.list.query({})).toMatchObject({ items: [] });
  });

  it("asks before deleting a project, saying how many tasks go with it, then deletes both", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const project = await api.scheduler.projects.create.mutate({ name: "Errands" });
    for (const summary of ["Post office", "Bank", "Groceries"]) {
      await api.scheduler.tasks.create.mutate({ summary, projectId: project.id });
    }
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/projects" });

    await user.click(within(await projectRow("Errands")).getByRole("button", { name: "Delete “Errands”" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("Delete “Errands” and its 3 tasks?");

    // Cancel keeps everything.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("link", { name: "Errands" })).toBeDefined();

    await user.click(within(await projectRow("Errands")).getByRole("button", { name: "Delete “Errands”" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Delete project" }));

    await waitFor(() => expect(screen.queryByRole("link", { name: "Errands" })).toBeNull());
    expect(await screen.findByText("Deleted “Errands” and 3 tasks.")).toBeDefined();
    expect((await api.scheduler.projects.list.query({ includeArchived: true })).items).toEqual([]);
    expect((await api.scheduler.tasks.list.query({ isComplete: false })).items).toEqual([]);
  });

  it("hides an archived project unless archived ones are shown, and can bring it back", async () => {
    const person = await signUp();
    const api = apiFor(person);
    await api.scheduler.projects.create.mutate({ name: "Old site" });
    await api.scheduler.projects.create.mutate({ name: "New site" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/projects" });

    await user.click(within(await projectRow("Old site")).getByRole("button", { name: "Archive “Old site”" }));
    await waitFor(() => expect(screen.queryByRole("link", { name: "Old site" })).toBeNull());
    expect(screen.getByRole("link", { name: "New site" })).toBeDefined();
    const [archived] = (await api.scheduler.projects.list.query({ includeArchived: true })).items.filter(
      (project) => project.archivedAt !== null,
    );
    expect(archived?.name).toBe("Old site");

    await user.click(screen.getByLabelText("Show archived"));
    const row = await projectRow("Old site");
    expect(within(row).getByText("Archived")).toBeDefined();

    await user.click(within(row).getByRole("button", { name: "Unarchive “Old site”" }));
    await waitFor(() => expect(within(row).queryByText("Archived")).toBeNull());
    await user.click(screen.getByLabelText("Show archived"));
    expect(await screen.findByRole("link", { name: "Old site" })).toBeDefined();
  });

  it("renames a project inline and changes its color", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const project = await api.scheduler.projects.create.mutate({ name: "Draft" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/projects" });

    await user.click(within(await projectRow("Draft")).getByRole("button", { name: "Rename “Draft”" }));
    const input = screen.getByLabelText("Rename “Draft”");
    await user.clear(input);
    await user.type(input, "Final{Enter}");
    expect(await screen.findByRole("link", { name: "Final" })).toBeDefined();

    const color = screen.getByLabelText("Color of “Final”") as HTMLInputElement;
    // A color input's value is set by the browser's picker, which user-event cannot drive.
    fireEvent.change(color, { target: { value: "#16a34a" } });
    await waitFor(async () =>
      expect((await api.scheduler.projects.byId.query({ id: project.id })).color).toBe("#16A34A"),
    );
    expect((await api.scheduler.projects.byId.query({ id: project.id })).name).toBe("Final");
  });

  it("deleting an area says its projects and tasks stay, and they move to “No area”", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const area = await api.scheduler.areas.create.mutate({ name: "Home" });
    const garden = await api.scheduler.projects.create.mutate({ name: "Garden", areaId: area.id });
    await api.scheduler.projects.create.mutate({ name: "Taxes", areaId: area.id });
    await api.scheduler.tasks.create.mutate({ summary: "Mow", projectId: garden.id });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/projects" });

    const home = await screen.findByRole("region", { name: "Home" });
    await user.click(within(home).getByRole("button", { name: "Delete area “Home”" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("Delete area “Home”?");
    expect(await within(dialog).findByText("Its 2 projects and 1 task are kept, without an area.")).toBeDefined();
    await user.click(within(dialog).getByRole("button", { name: "Delete area" }));

    await waitFor(() => expect(screen.queryByRole("region", { name: "Home" })).toBeNull());
    const noArea = await screen.findByRole("region", { name: "No area" });
    expect(await within(noArea).findByRole("link", { name: "Garden" })).toBeDefined();
    expect(within(noArea).getByRole("link", { name: "Taxes" })).toBeDefined();
    expect((await api.scheduler.projects.list.query({})).items.map((p) => p.areaId)).toEqual([null, null]);
  });
});
