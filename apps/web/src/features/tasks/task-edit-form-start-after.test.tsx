// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

async function openEditForm(summary: string) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole("button", { name: `Edit "${summary}"` }));
  return { user, form: screen.getByRole("form", { name: `Edit "${summary}"` }) };
}

describe("TaskEditForm's Start after field", () => {
  it("saves a start-after time typed in the person's zone, shows it again, and clears it", async () => {
    const person = await signUp({ timeZone: "Europe/Berlin" });
    const api = apiFor(person);
    const task = await api.scheduler.tasks.create.mutate({ summary: "Review contract" });
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const first = await openEditForm("Review contract");
    fireEvent.change(within(first.form).getByLabelText("Start after"), { target: { value: "2030-01-15T14:30" } });
    await first.user.click(within(first.form).getByRole("button", { name: "Save" }));

    // 14:30 in Berlin in winter is 13:30 UTC.
    await waitFor(async () =>
      expect((await api.scheduler.tasks.byId.query({ id: task.id })).startAfter).toEqual(
        new Date("2030-01-15T13:30:00Z"),
      ),
    );
    await waitFor(() => expect(screen.queryByRole("form", { name: 'Edit "Review contract"' })).toBeNull());
    // The row says it waits, in the person's zone.
    const row = (await screen.findByText("Review contract")).closest("li") as HTMLElement;
    await waitFor(() => expect(row.textContent).toMatch(/Not before .*15 Jan.*14:30/));

    const second = await openEditForm("Review contract");
    const field = within(second.form).getByLabelText("Start after") as HTMLInputElement;
    expect(field.value).toBe("2030-01-15T14:30");
    fireEvent.change(field, { target: { value: "" } });
    await second.user.click(within(second.form).getByRole("button", { name: "Save" }));
    await waitFor(async () => expect((await api.scheduler.tasks.byId.query({ id: task.id })).startAfter).toBeNull());
    await waitFor(() =>
      expect(screen.getByText("Review contract").closest("li")?.textContent).not.toMatch(/Not before/),
    );
  });

  it("shows a refused start-after date next to the Start after field", async () => {
    const person = await signUp();
    const api = apiFor(person);
    const task = await api.scheduler.tasks.create.mutate({ summary: "Plan the move" });
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const { user, form } = await openEditForm("Plan the move");
    fireEvent.change(within(form).getByLabelText("Start after"), { target: { value: "3000-01-01T09:00" } });
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const field = within(form).getByLabelText("Start after");
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    expect(within(form).getByText("Use a date from 1970-01-01 to 2999-12-31")).toBeDefined();
    expect((await api.scheduler.tasks.byId.query({ id: task.id })).startAfter).toBeNull();
  });
});
