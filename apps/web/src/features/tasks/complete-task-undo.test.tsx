// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

describe("completing from a shared task list (projects, Today, Upcoming)", () => {
  it("offers Undo, which reopens the task in the list", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const project = await api.scheduler.projects.create.mutate({ name: "Garden" });
    const task = await api.scheduler.tasks.create.mutate({ summary: "Prune roses", projectId: project.id });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: `/projects/${project.id}` });

    await user.click(await screen.findByRole("checkbox", { name: 'Complete "Prune roses"' }));
    const toast = (await screen.findByText("Completed “Prune roses”")).closest("li");
    if (!toast) throw new Error("no toast");
    await user.click(within(toast).getByRole("button", { name: "Undo" }));

    expect(await screen.findByRole("checkbox", { name: 'Complete "Prune roses"' })).toBeDefined();
    await expect(api.scheduler.tasks.byId.query({ id: task.id })).resolves.toMatchObject({ completedAt: null });
  });
});
