// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

const DAY = 24 * 60 * 60 * 1000;

describe("project page task rows", () => {
  it("edits a project task's project and repeat from the project page", async () => {
    const person = await signUp({ timeZone: "Europe/Berlin" });
    const api = apiFor(person);
    const work = await api.scheduler.projects.create.mutate({ name: "Work" });
    const health = await api.scheduler.projects.create.mutate({ name: "Health" });
    const task = await api.scheduler.tasks.create.mutate({
      summary: "Stretch",
      projectId: work.id,
      dueAt: new Date(Date.now() + 3 * DAY),
    });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: `/projects/${work.id}` });

    await user.click(await screen.findByRole("button", { name: 'Edit "Stretch"' }));
    const form = screen.getByRole("form", { name: 'Edit "Stretch"' });
    // The project list loads on its own; the option is there once it has.
    await within(form).findByRole("option", { name: "Health" });
    await user.selectOptions(within(form).getByLabelText("Project"), "Health");
    await user.selectOptions(within(form).getByLabelText("Repeats"), "Daily");
    expect(await within(form).findByText("Repeats every day")).toBeDefined();
    await user.click(within(form).getByRole("button", { name: "Save" }));

    // It left this project's list, and the server has it in the other project, repeating.
    expect(await screen.findByText("No open tasks in this project")).toBeDefined();
    const saved = await api.scheduler.tasks.byId.query({ id: task.id });
    expect(saved).toMatchObject({ projectId: health.id, recurrence: "FREQ=DAILY", summary: "Stretch" });

    // Opened again from the other project, the form shows what was saved.
    cleanup();
    renderApp({ cookie: person.cookie, path: `/projects/${health.id}` });
    await user.click(await screen.findByRole("button", { name: 'Edit "Stretch"' }));
    const again = screen.getByRole("form", { name: 'Edit "Stretch"' });
    await within(again).findByRole("option", { name: "Health" });
    expect((within(again).getByLabelText("Project") as HTMLSelectElement).value).toBe(health.id);
    expect((within(again).getByLabelText("Repeats") as HTMLSelectElement).value).toBe("daily");

    // Stopping the repetition is an edit like any other.
    await user.selectOptions(within(again).getByLabelText("Repeats"), "Does not repeat");
    await user.click(within(again).getByRole("button", { name: "Save" }));
    await waitFor(async () => expect((await api.scheduler.tasks.byId.query({ id: task.id })).recurrence).toBeNull());
  });

  it("completes and deletes tasks from the project page", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const project = await api.scheduler.projects.create.mutate({ name: "Move house" });
    await api.scheduler.tasks.create.mutate({ summary: "Book van", projectId: project.id });
    await api.scheduler.tasks.create.mutate({ summary: "Pack books", projectId: project.id });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: `/projects/${project.id}` });

    await user.click(await screen.findByRole("checkbox", { name: 'Complete "Book van"' }));
    expect(screen.queryByRole("checkbox", { name: 'Complete "Book van"' })).toBeNull();
    expect(await screen.findByText("Completed “Book van”")).toBeDefined();
    const done = await api.scheduler.tasks.list.query({ projectId: project.id, isComplete: true });
    expect(done.items.map((task) => task.summary)).toEqual(["Book van"]);

    await user.click(screen.getByRole("button", { name: 'Delete "Pack books"' }));
    expect(screen.queryByRole("button", { name: 'Delete "Pack books"' })).toBeNull();
    const toast = (await screen.findByText("Deleted “Pack books”")).closest("li");
    if (!toast) throw new Error("no toast around the delete message");
    await user.click(within(toast).getByRole("button", { name: "Close toast" }));
    await waitFor(async () =>
      expect((await api.scheduler.tasks.list.query({ projectId: project.id })).items).toEqual([]),
    );
    expect(await screen.findByText("No open tasks in this project")).toBeDefined();
  });
});
