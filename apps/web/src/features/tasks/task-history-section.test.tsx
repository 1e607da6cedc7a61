// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderWithProviders } from "../../testing/render-with-providers.tsx";
import { signUp } from "../../testing/sign-up.ts";
import { TaskHistoryList, TaskHistorySection } from "./task-history-section.tsx";

const ZONE = "Europe/Berlin";

describe("a task's History section", () => {
  it("loads nothing until opened, then shows the history newest first, a page at a time", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const task = await api.scheduler.tasks.create.mutate({ summary: "Water plants" });
    // 1 created + 10 more: one page of 10 and an older one.
    for (let round = 0; round < 5; round++) {
      await api.scheduler.tasks.complete.mutate({ id: task.id });
      await api.scheduler.tasks.reopen.mutate({ id: task.id });
    }
    const user = userEvent.setup();
    renderWithProviders(<TaskHistorySection taskId={task.id} timeZone={ZONE} />, { cookie: person.cookie });

    const toggle = screen.getByRole("button", { name: /History/ });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("list", { name: "Task history" })).toBeNull();
    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText("Loading the history…")).toBeDefined();

    const list = await screen.findByRole("list", { name: "Task history" });
    const sentences = () =>
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.firstChild?.textContent);
    expect(sentences()).toHaveLength(10);
    expect(sentences().slice(0, 2)).toEqual(["Reopened", "Completed"]);
    expect(sentences()).not.toContain("Created");

    await user.click(screen.getByRole("button", { name: "Show older" }));
    await within(list).findByText("Created");
    expect(sentences()).toHaveLength(11);
    expect(screen.queryByRole("button", { name: "Show older" })).toBeNull();
  });

  it("says when nothing was recorded yet", () => {
    render(<TaskHistoryList entries={[]} timeZone={ZONE} />);
    expect(screen.getByText("No changes recorded yet")).toBeDefined();
  });
});
