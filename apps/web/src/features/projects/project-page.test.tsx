// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { type SignedUp, signUp } from "../../testing/sign-up.ts";

/** A project with two open tasks and a done one. */
async function arrangeProject(person: SignedUp) {
  const api = apiFor(person);
  const project = await api.scheduler.projects.create.mutate({ name: "Quarterly review" });
  await api.scheduler.tasks.create.mutate({ summary: "Alpha report", projectId: project.id, priority: 4 });
  await api.scheduler.tasks.create.mutate({ summary: "Beta plan", projectId: project.id });
  const done = await api.scheduler.tasks.create.mutate({ summary: "Gamma slides", projectId: project.id });
  await api.scheduler.tasks.complete.mutate({ id: done.id });
  return project;
}

function taskSummaries(): string[] {
  const list = screen.queryByRole("list", { name: "Tasks" });
  if (!list) return [];
  return within(list)
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent ?? "");
}

describe("project page", () => {
  it("lists the project's open tasks and narrows them by search and status, keeping the filters in the URL", async () => {
    const person = await signUp();
    const project = await arrangeProject(person);
    const user = userEvent.setup();
    const { router } = renderApp({ cookie: person.cookie, path: `/projects/${project.id}` });

    expect(await screen.findByRole("heading", { name: "Quarterly review", level: 1 })).toBeDefined();
    await waitFor(() => expect(taskSummaries()).toEqual(["Alpha report", "Beta plan"]));

    await user.type(screen.getByLabelText("Search"), "alpha");
    await waitFor(() => expect(taskSummaries()).toEqual(["Alpha report"]));
    expect(router.state.location.search).toBe("?q=alpha");

    await user.selectOptions(screen.getByLabelText("Status"), "Done");
    expect(await screen.findByText("No tasks match these filters")).toBeDefined();
    expect(new URLSearchParams(router.state.location.search).get("status")).toBe("done");

    await user.clear(screen.getByLabelText("Search"));
    await waitFor(() => expect(taskSummaries()).toEqual(["Gamma slides"]));
    expect(router.state.location.search).toBe("?status=done");

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(taskSummaries()).toEqual(["Alpha report", "Beta plan"]));
    expect(router.state.location.search).toBe("");
  });

  it("opens with the filters a shared link carries", async () => {
    const person = await signUp();
    const project = await arrangeProject(person);
    renderApp({ cookie: person.cookie, path: `/projects/${project.id}?priority=3` });

    await waitFor(() => expect(taskSummaries()).toEqual(["Alpha report"]));
    expect((screen.getByLabelText("Minimum priority") as HTMLSelectElement).value).toBe("3");
  });

  it("shows length, priority, deadline and start time in the person's own zone", async () => {
    const person = await signUp({ timeZone: "Asia/Kathmandu" });
    const api = apiFor(person);
    const project = await api.scheduler.projects.create.mutate({ name: "Trip" });
    await api.scheduler.tasks.create.mutate({
      summary: "Pack",
      projectId: project.id,
      minutes: 90,
      priority: 2,
      startTime: new Date("2027-03-02T08:00:00Z"),
      dueAt: new Date("2027-03-05T11:00:00Z"),
    });
    renderApp({ cookie: person.cookie, path: `/projects/${project.id}` });

    const row = (await screen.findByText("Pack")).closest("li");
    expect(row?.textContent).toContain("1 h 30 min");
    expect(row?.textContent).toContain("Low priority");
    // Kathmandu is UTC+05:45.
    expect(row?.textContent).toContain("Due Fri 5 Mar, 16:45");
    expect(row?.textContent).toContain("Starts Tue 2 Mar, 13:45");
  });

  it("loads more tasks a page at a time", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const project = await api.scheduler.projects.create.mutate({ name: "Big" });
    for (let i = 1; i <= 52; i += 1) {
      await api.scheduler.tasks.create.mutate({ summary: `Task ${i}`, projectId: project.id });
    }
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: `/projects/${project.id}` });

    await waitFor(() => expect(taskSummaries()).toHaveLength(50));
    await user.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(taskSummaries()).toHaveLength(52));
    expect(taskSummaries().at(-1)).toBe("Task 52");
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("says a project that does not exist is not found, with a way back", async () => {
    const person = await signUp();
    const other = await signUp();
    const foreign = await apiFor(other).scheduler.projects.create.mutate({ name: "Not yours" });
    const user = userEvent.setup();
    const { router } = renderApp({ cookie: person.cookie, path: `/projects/${foreign.id}` });

    expect(await screen.findByRole("heading", { name: "Project not found" })).toBeDefined();
    expect(screen.queryByText("Not yours")).toBeNull();
    await user.click(screen.getByRole("link", { name: "Back to projects" }));
    // The projects page loads on first visit, so the navigation finishes a moment later.
    await waitFor(() => expect(router.state.location.pathname).toBe("/projects"));
    cleanup();

    renderApp({ cookie: person.cookie, path: "/projects/not-a-uuid" });
    expect(await screen.findByRole("heading", { name: "Project not found" })).toBeDefined();
  });
});
