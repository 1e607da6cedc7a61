// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { DateTime } from "luxon";
import { describe, expect, it, vi } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";
import { shiftWeek, toLocalDate, weekContaining } from "./week-range.ts";

const ZONE = "Europe/Berlin";

/** Next week is wholly in the future whenever the test runs, so tasks may be placed there. */
const nextWeek = () => shiftWeek(weekContaining(new Date(), ZONE), 1, ZONE);
const nextWeekAt = (day: number, hour: number, minute = 0) =>
  DateTime.fromJSDate(nextWeek().from, { zone: ZONE }).plus({ days: day }).set({ hour, minute }).toJSDate();

function block(container: HTMLElement, title: string): HTMLElement | undefined {
  return [...container.querySelectorAll<HTMLElement>(".fc-event")].find((el) => el.textContent?.includes(title));
}

// The week grid read by a person: blocks in their project's colour, a priority mark, the
// title on a 15-minute block, whole times, and today told apart in words.
describe("the week grid", () => {
  it("colours blocks by project, marks priority and names everything on a short block", async () => {
    const person = await signUp({ timeZone: ZONE });
    const api = apiFor(person);
    const health = await api.scheduler.projects.create.mutate({ name: "Health", color: "#16A34A" });
    await api.scheduler.tasks.create.mutate({
      summary: "Call dentist",
      startTime: nextWeekAt(1, 15, 30),
      minutes: 15,
      priority: 5,
      projectId: health.id,
    });
    await api.scheduler.tasks.create.mutate({ summary: "Write report", startTime: nextWeekAt(2, 9), minutes: 90 });
    const { container } = renderApp({
      cookie: person.cookie,
      path: `/week?week=${toLocalDate(nextWeek().from, ZONE)}`,
    });

    const day = DateTime.fromJSDate(nextWeekAt(1, 15, 30), { zone: ZONE }).toFormat("ccc d LLL");
    // jsdom has no layout, so FullCalendar keeps the blocks it positions `visibility: hidden` and
    // no accessible name can be computed here: the block's words are read from its markup (the
    // browser tests find blocks by their accessible name).
    const dentist = await vi.waitFor(
      () => {
        const found = block(container, "Call dentist");
        if (!found) throw new Error("no block yet");
        return found;
      },
      { timeout: 10_000 },
    );
    expect(dentist.getAttribute("role")).toBe("button");
    expect(dentist.querySelector(".sr-only")?.textContent).toBe(`Call dentist, ${day} 15:30–15:45, Health, P1 urgent`);
    expect(dentist.querySelector("[aria-hidden='true']")?.textContent).toBe("!!!Call dentist15:30");
    expect(dentist.style.backgroundColor).toBe("rgb(22, 163, 74)");

    const report = block(container, "Write report");
    expect(report?.style.backgroundColor).toBe("rgb(79, 70, 229)");
    expect(report?.querySelector("[aria-hidden='true']")?.textContent).toBe("09:00–10:30Write report");

    const legend = screen.getByRole("list", { name: "Legend" });
    expect(within(legend).getByText("Health")).toBeDefined();
    expect(within(legend).getByText(/Priority: ! low or medium, !! high, !!! urgent/)).toBeDefined();
    // No task of this week is in Google Calendar, so the "G" mark is not explained.
    expect(within(legend).queryByText(/In your Google Calendar too/)).toBeNull();
  });

  it("says which column is today in words", async () => {
    const person = await signUp({ timeZone: ZONE });
    const { container } = renderApp({ cookie: person.cookie, path: "/week" });

    await screen.findByText("Today", { selector: "span" }, { timeout: 10_000 });
    const headers = [...container.querySelectorAll<HTMLElement>(".fc-col-header-cell")];
    const today = headers.filter((header) => header.textContent?.includes("Today"));
    expect(today).toHaveLength(1);
    expect(today[0]?.classList.contains("fc-day-today")).toBe(true);
  });
});
