// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { type SignedUp, signUp } from "../../testing/sign-up.ts";

const ROW_HEIGHT = 48;

/**
 * jsdom does no layout, so every rect is 0×0 and dnd-kit's keyboard coordinates
 * (sortableKeyboardCoordinates) find no row below another. In this test only, each row of
 * the inbox list reports a rect from its place in the list, as a browser would lay it out.
 */
function layOutInboxRows() {
  const original = Element.prototype.getBoundingClientRect;
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const row = this.closest('ul[aria-label="Inbox tasks"] > li');
    const list = row?.parentElement;
    if (!row || !list) return original.call(this);
    const top = [...list.children].indexOf(row) * ROW_HEIGHT;
    return DOMRect.fromRect({ x: 0, y: top, width: 320, height: ROW_HEIGHT });
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function serverOrder(person: SignedUp) {
  const { items } = await apiFor(person).scheduler.tasks.list.query({ projectId: null, scheduled: false });
  return items.map((task) => task.summary);
}

function shownOrder() {
  const list = screen.getByRole("list", { name: "Inbox tasks" });
  return within(list)
    .getAllByRole("checkbox")
    .map((checkbox) => checkbox.getAttribute("aria-label"));
}

describe("reordering the inbox", () => {
  it("moves a task down with the keyboard (Space, ArrowDown, Space) and the server keeps the order", async () => {
    const person = await signUp();
    const api = apiFor(person);
    for (const summary of ["First", "Second", "Third"]) await api.scheduler.tasks.create.mutate({ summary });
    layOutInboxRows();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const handle = await screen.findByRole("button", { name: 'Reorder "First"' });
    handle.focus();
    await user.keyboard("[Space]");
    await user.keyboard("[ArrowDown]");
    await user.keyboard("[Space]");

    await waitFor(async () => expect(await serverOrder(person)).toEqual(["Second", "First", "Third"]));
    await waitFor(() => expect(shownOrder()).toEqual(['Complete "Second"', 'Complete "First"', 'Complete "Third"']));
    // dnd-kit's live region said where the task went, by name.
    expect(await screen.findByText("“First” dropped at position 2 of 3.")).toBeDefined();
  });

  it("moves a task up one place with the keyboard", async () => {
    const person = await signUp();
    const api = apiFor(person);
    for (const summary of ["One", "Two", "Three"]) await api.scheduler.tasks.create.mutate({ summary });
    layOutInboxRows();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    (await screen.findByRole("button", { name: 'Reorder "Three"' })).focus();
    await user.keyboard("[Space]");
    await user.keyboard("[ArrowUp]");
    await user.keyboard("[Space]");

    await waitFor(async () => expect(await serverOrder(person)).toEqual(["One", "Three", "Two"]));
  });
});
