// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

// A newcomer with tasks but no working hours presses "Plan my week".
describe("the plan notice", () => {
  it("says once that working hours are missing and leads to the planners page", async () => {
    const person = await signUp({ timeZone: "Europe/Berlin" });
    const api = apiFor(person);
    for (const summary of ["Write report", "Call bank", "Book dentist"])
      await api.scheduler.tasks.create.mutate({ summary, minutes: 30 });
    const user = userEvent.setup();
    const { router } = renderApp({ cookie: person.cookie, path: "/week" });

    await user.click(await screen.findByRole("button", { name: "Plan my week" }, { timeout: 10_000 }));
    const dialog = await screen.findByRole("dialog", { name: "Plan preview" });
    const notice = await within(dialog).findByText("You have no working hours yet - create a planner");
    expect(within(dialog).getAllByText(/working hours/)).toEqual([notice]);
    expect(within(dialog).queryByRole("list", { name: "Not planned" })).toBeNull();
    expect((within(dialog).getByRole("button", { name: "Apply" }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(within(dialog).getByRole("link", { name: "Create a planner" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/planners"));
    expect(await screen.findByRole("heading", { level: 1, name: "Planners" }, { timeout: 10_000 })).toBeDefined();
    expect(screen.queryByRole("dialog", { name: "Plan preview" })).toBeNull();
  });
});
