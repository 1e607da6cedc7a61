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
});
