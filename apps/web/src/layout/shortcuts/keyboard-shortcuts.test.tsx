// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

describe("keyboard shortcuts", () => {
  it("q from another page opens the inbox with the quick add's summary focused", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    const { router } = renderApp({ cookie: person.cookie, path: "/settings" });
    await screen.findByRole("heading", { level: 1, name: "Settings" });

    await user.keyboard("q");

    await waitFor(() => expect(router.state.location.pathname).toBe("/inbox"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Summary" })));
    // The q itself is not typed into the field.
    expect((document.activeElement as HTMLInputElement).value).toBe("");
  });

  it("letters typed into a field stay in the field", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    const { router } = renderApp({ cookie: person.cookie, path: "/projects" });
    const name = await screen.findByRole("textbox", { name: /project name/i });

    await user.type(name, "quarterly goals");

    expect((name as HTMLInputElement).value).toBe("quarterly goals");
    expect(router.state.location.pathname).toBe("/projects");
    expect(screen.queryByRole("dialog", { name: "Keyboard shortcuts" })).toBeNull();
  });

  it("? lists the shortcuts; closing puts focus back where it was", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });
    const weekLink = await screen.findByRole("link", { name: "Week" });
    weekLink.focus();

    await user.keyboard("?");

    const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    const rows = within(dialog).getAllByRole("row");
    expect(rows.map((row) => row.textContent)).toEqual(
      expect.arrayContaining(["qAdd a task: jumps to quick add from any page", "?Show these shortcuts"]),
    );
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog", { name: "Keyboard shortcuts" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(weekLink));
  });

  it("g then w goes to the week", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    const { router } = renderApp({ cookie: person.cookie, path: "/inbox" });
    await screen.findByRole("heading", { level: 1, name: "Inbox" });

    await user.keyboard("gw");

    await waitFor(() => expect(router.state.location.pathname).toBe("/week"));
  });

  it("Enter on a select submits its form", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });
    await user.type(await screen.findByRole("textbox", { name: "Summary" }), "Renew passport");
    const priority = screen.getByRole("combobox", { name: "Priority" });
    priority.focus();

    await user.keyboard("{Enter}");

    await expect
      .poll(async () => (await apiFor(person).scheduler.tasks.list.query({})).items.map((task) => task.summary))
      .toEqual(["Renew passport"]);
  });
});
