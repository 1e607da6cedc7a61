// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

describe("inbox page", () => {
  it("says the inbox is empty and how to fill it", async () => {
    const person = await signUp();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    expect(await screen.findByRole("heading", { level: 1, name: "Inbox" })).toBeDefined();
    expect(await screen.findByText("Your inbox is empty")).toBeDefined();
    expect(screen.getByText(/Add a task above/)).toBeDefined();
  });

  it("lists only unscheduled inbox tasks, and loads the next page on request", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const project = await api.scheduler.projects.create.mutate({ name: "Elsewhere" });
    await api.scheduler.tasks.create.mutate({ summary: "In a project", projectId: project.id });
    await api.scheduler.tasks.create.mutate({ summary: "Scheduled", startTime: new Date(Date.now() + 86_400_000) });
    // A full page (50), then one more that comes last.
    for (let n = 1; n <= 50; n += 1) await api.scheduler.tasks.create.mutate({ summary: `Task ${n}` });
    await api.scheduler.tasks.create.mutate({ summary: "The last one" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const list = await screen.findByRole("list", { name: "Inbox tasks" });
    expect(list.querySelectorAll(":scope > li")).toHaveLength(50);
    expect(within(list).queryByText("In a project")).toBeNull();
    expect(within(list).queryByText("Scheduled")).toBeNull();
    expect(within(list).queryByText("The last one")).toBeNull();

    // Text, not role, queries from here: computing roles over 50 rows is slow in jsdom.
    await user.click(screen.getByText("Load more", { selector: "button" }));

    expect(await within(list).findByText("The last one")).toBeDefined();
    expect(list.querySelectorAll(":scope > li")).toHaveLength(51);
    await waitFor(() => expect(screen.queryByText("Load more", { selector: "button" })).toBeNull());
  });

  it("says when the inbox cannot be loaded, and loads it on Try again", async () => {
    const person = await signUp();
    await apiFor(person).scheduler.tasks.create.mutate({ summary: "Survives the outage" });
    let listUnreachable = true;
    const flakyFetch: typeof fetch = (input, init) =>
      listUnreachable && String(input).includes("scheduler.tasks.list")
        ? Promise.reject(new TypeError("Failed to fetch"))
        : fetch(input, init);
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox", fetch: flakyFetch });

    // Lost connections are retried twice first (query-client.ts), hence the longer wait.
    const retry = await screen.findByRole("button", { name: "Try again" }, { timeout: 15_000 });
    expect(retry.closest('[role="alert"]')?.textContent).toMatch(/cannot reach the server/i);

    listUnreachable = false;
    await user.click(retry);

    expect(await screen.findByRole("checkbox", { name: 'Complete "Survives the outage"' })).toBeDefined();
  });
});
