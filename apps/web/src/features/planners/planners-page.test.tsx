// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

function occurrences(): string[] {
  return within(screen.getByRole("list", { name: "Next occurrences" }))
    .getAllByRole("listitem")
    .map((item) => item.textContent ?? "");
}

describe("planners page", () => {
  it("previews the weekday preset's next windows before saving, then creates the planner", async () => {
    const person = await signUp({ timeZone: "Europe/Berlin" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/planners" });

    expect(await screen.findByRole("heading", { name: "Planners", level: 1 })).toBeDefined();
    expect(await screen.findByText("No planners yet", {}, { timeout: 5_000 })).toBeDefined();
    await user.type(screen.getByLabelText("Name"), "Deep work");
    await user.selectOptions(screen.getByLabelText("Repeats"), "Weekdays");
    // A Saturday: the first window must still be the Monday after it.
    fireEvent.change(screen.getByLabelText("Start date"), { target: { value: "2027-01-02" } });
    fireEvent.change(screen.getByLabelText("Starts at"), { target: { value: "08:30" } });
    await user.clear(screen.getByLabelText("Hours"));
    await user.type(screen.getByLabelText("Hours"), "4");

    await waitFor(() =>
      expect(occurrences()).toEqual([
        "Mon 4 Jan 08:30–12:30",
        "Tue 5 Jan 08:30–12:30",
        "Wed 6 Jan 08:30–12:30",
        "Thu 7 Jan 08:30–12:30",
        "Fri 8 Jan 08:30–12:30",
      ]),
    );
    expect(occurrences().some((text) => /^(Sat|Sun)/.test(text))).toBe(false);
    expect(screen.getByText("Repeats every weekday")).toBeDefined();
    // Nothing is saved by previewing.
    const api = apiFor(person);
    expect((await api.scheduler.planners.list.query({})).items).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Create planner" }));

    await waitFor(async () =>
      expect((await api.scheduler.planners.list.query({})).items).toMatchObject([
        {
          name: "Deep work",
          recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
          startDate: "2027-01-02",
          startTime: "08:30",
          minutes: 240,
          timeZone: "Europe/Berlin",
          active: true,
        },
      ]),
    );
    const item = (await screen.findByRole("heading", { name: "Deep work", level: 3 })).closest("li");
    await waitFor(() => expect(item?.textContent).toContain("Every weekday · 08:30–12:30 (4 h)"));
    // The form starts over for the next planner.
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("");
  });

  it("shows the server's message next to the rule when a custom rule is not supported", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/planners" });

    await user.selectOptions(await screen.findByLabelText("Repeats"), "Custom rule");
    await user.type(screen.getByLabelText("Rule"), "FREQ=HOURLY");

    const rule = screen.getByLabelText("Rule");
    await waitFor(() => expect(rule.getAttribute("aria-invalid")).toBe("true"));
    const messages = (rule.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain("FREQ=HOURLY is not supported in a recurrence rule");
    expect(screen.queryByRole("list", { name: "Next occurrences" })).toBeNull();

    // Saving anyway is refused with the same message at the same place, and nothing is created.
    await user.type(screen.getByLabelText("Name"), "Hourly");
    await user.click(screen.getByRole("button", { name: "Create planner" }));
    await waitFor(() => expect(rule.getAttribute("aria-invalid")).toBe("true"));
    expect((await apiFor(person).scheduler.planners.list.query({})).items).toEqual([]);
  });

  it("describes a stored custom rule in words, edits it, pauses it and deletes it after asking", async () => {
    const person = await signUp({ timeZone: "Europe/Berlin" });
    const api = apiFor(person);
    const planner = await api.scheduler.planners.create.mutate({
      name: "Review",
      recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
      startDate: "2027-01-05",
      startTime: "14:00",
      minutes: 90,
    });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/planners" });

    const item = () => {
      const row = screen.getByRole("heading", { name: /Review|Retro/, level: 3 }).closest("li");
      if (!row) throw new Error("no planner row");
      return row;
    };
    // The first load of a file's first test can take a while on a cold server.
    await screen.findByRole("heading", { name: "Review", level: 3 }, { timeout: 5_000 });
    await waitFor(() => expect(item().textContent).toContain("Every 2 weeks on Tuesday · 14:00–15:30 (1 h 30 min)"));

    await user.click(within(item()).getByRole("button", { name: "Edit “Review”" }));
    const form = within(item());
    expect((form.getByLabelText("Repeats") as HTMLSelectElement).value).toBe("custom");
    expect((form.getByLabelText("Rule") as HTMLInputElement).value).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU");
    expect((form.getByLabelText("Hours") as HTMLInputElement).value).toBe("1");
    expect((form.getByLabelText("Minutes") as HTMLInputElement).value).toBe("30");
    await user.clear(form.getByLabelText("Name"));
    await user.type(form.getByLabelText("Name"), "Retro");
    await user.click(form.getByRole("button", { name: "Save planner" }));
    expect(await screen.findByRole("heading", { name: "Retro", level: 3 })).toBeDefined();
    expect(await api.scheduler.planners.byId.query({ id: planner.id })).toMatchObject({
      name: "Retro",
      recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
      minutes: 90,
    });

    await user.click(within(item()).getByLabelText("Active: Retro"));
    await waitFor(async () => expect((await api.scheduler.planners.byId.query({ id: planner.id })).active).toBe(false));
    expect((within(item()).getByLabelText("Active: Retro") as HTMLInputElement).checked).toBe(false);

    await user.click(within(item()).getByRole("button", { name: "Delete “Retro”" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("Delete planner “Retro”?");
    await user.click(within(dialog).getByRole("button", { name: "Delete planner" }));
    expect(await screen.findByText("No planners yet")).toBeDefined();
    expect((await api.scheduler.planners.list.query({})).items).toEqual([]);
  });
});
