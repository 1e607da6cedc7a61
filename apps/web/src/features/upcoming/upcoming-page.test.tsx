// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

const ZONE = "Asia/Kathmandu";

/** `days` from today at a wall-clock time in the zone. */
function localAt(days: number, hour: number): Date {
  return DateTime.now().setZone(ZONE).startOf("day").plus({ days }).set({ hour }).toJSDate();
}

describe("Upcoming", () => {
  it("groups the next 14 days by the person's day: planned tasks in time order, then what is due", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    await api.scheduler.tasks.create.mutate({ summary: "Write minutes", startTime: localAt(1, 14) });
    await api.scheduler.tasks.create.mutate({ summary: "Team call", startTime: localAt(1, 9) });
    await api.scheduler.tasks.create.mutate({ summary: "File taxes", dueAt: localAt(3, 17) });
    await api.scheduler.tasks.create.mutate({ summary: "Far away", startTime: localAt(20, 9) });
    renderApp({ cookie: person.cookie, path: "/upcoming" });

    expect(await screen.findByRole("heading", { name: "Upcoming", level: 1 })).toBeDefined();
    const days = screen.getAllByRole("heading", { level: 2 });
    expect(days).toHaveLength(14);
    expect(days[0]?.textContent).toMatch(/^Today · /);

    const tomorrow = screen.getByRole("region", { name: /^Tomorrow · / });
    const planned = within(tomorrow)
      .getAllByRole("listitem")
      .map((item) => item.querySelector("p")?.textContent);
    expect(planned).toEqual(["Team call", "Write minutes"]);
    expect(within(tomorrow).getByText("09:00–09:30")).toBeDefined();

    const third = screen.getByRole("region", {
      name: DateTime.now().setZone(ZONE).plus({ days: 3 }).toFormat("cccc d LLLL"),
    });
    expect(within(third).getByRole("list", { name: /^Due / }).textContent).toContain("File taxes");
    expect(screen.queryByText("Far away")).toBeNull();
    expect(within(screen.getByRole("region", { name: /^Today · / })).getByText("Nothing planned")).toBeDefined();
  });

  it("shows the time a plan kept for each later occurrence of a repeating task on its own day", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    await api.scheduler.planners.create.mutate({
      name: "Any time",
      recurrence: "FREQ=DAILY",
      startDate: DateTime.now().setZone(ZONE).minus({ days: 1 }).toISODate() ?? "",
      startTime: "00:00",
      minutes: 1440,
    });
    await api.scheduler.tasks.create.mutate({
      summary: "Water plants",
      minutes: 15,
      dueAt: localAt(1, 23),
      recurrence: "FREQ=DAILY",
    });
    const plan = await api.scheduler.plan.commit.mutate({ horizonDays: 4 });
    // Four days from now reach the fourth occurrence (due at 23:00 on day four) only when the
    // test runs after 23:00 in the zone: the first three are planned whatever the time of day.
    const indexes = plan.changes.map((change) => change.occurrence?.index ?? 1);
    expect(indexes.slice(0, 3)).toEqual([1, 2, 3]);
    expect(indexes.length).toBeLessThanOrEqual(4);
    renderApp({ cookie: person.cookie, path: "/upcoming" });

    const tomorrow = await screen.findByRole("region", { name: /^Tomorrow · / });
    expect(within(tomorrow).getByRole("list", { name: /^Planned / }).textContent).toContain("Water plants");
    for (const days of [2, 3]) {
      const date = DateTime.now().setZone(ZONE).plus({ days });
      const region = screen.getByRole("region", { name: date.toFormat("cccc d LLLL") });
      const kept = within(region).getByRole("list", { name: `Kept for repeating tasks ${date.toISODate()}` });
      expect(
        within(kept)
          .getAllByRole("listitem")
          .map((item) => item.textContent),
      ).toEqual([expect.stringContaining("Water plants")]);
    }
  });
});
