// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { PlanPreviewList } from "./plan-preview-list.tsx";
import type { PlanPreview } from "./week-types.ts";

const preview: PlanPreview = {
  from: new Date("2026-03-02T07:00:00Z"),
  to: new Date("2026-03-16T07:00:00Z"),
  changes: [
    {
      taskId: "t1",
      summary: "Write report",
      oldStart: null,
      oldEnd: null,
      newStart: new Date("2026-03-03T08:00:00Z"),
      newEnd: new Date("2026-03-03T09:00:00Z"),
      parts: null,
      explanation: "earliest free slot in Work",
    },
  ],
  unplaced: [
    {
      taskId: "t2",
      summary: "Big migration",
      reason: "no_window_long_enough",
      explanation: "needs 240 min; the longest free window is 120 min",
    },
  ],
  // The server lists only the first of each when there are more.
  changeCount: 1200,
  unplacedCount: 101,
  notice: null,
};

const noPlanner: PlanPreview = {
  ...preview,
  changes: [],
  changeCount: 0,
  unplaced: ["t1", "t2", "t3"].map((taskId) => ({
    taskId,
    summary: `Task ${taskId}`,
    reason: "no_window_long_enough" as const,
    explanation: "no free window in your planners",
  })),
  unplacedCount: 3,
  notice: { code: "scheduler.plan.no_planner", message: "You have no working hours yet - create a planner" },
};

describe("PlanPreviewList", () => {
  it("gives the totals and says how many more the server did not list", () => {
    render(<PlanPreviewList preview={preview} timeZone="Europe/Berlin" />);
    expect(screen.getByRole("heading", { name: "Changes (1200)" })).toBeDefined();
    expect(screen.getByText("…and 1,199 more, not listed here.")).toBeDefined();
    expect(screen.getByRole("heading", { name: "Not planned (101)" })).toBeDefined();
    expect(screen.getByText("…and 100 more, not listed here.")).toBeDefined();
  });

  it("lists each occurrence of a repeating task as its own change, each saying which occurrence it is", () => {
    const occurrence = (index: number, day: string) => ({
      taskId: "t3",
      summary: "Standup notes",
      oldStart: null,
      oldEnd: null,
      newStart: new Date(`${day}T08:00:00Z`),
      newEnd: new Date(`${day}T08:15:00Z`),
      parts: null,
      explanation: `Repeats: the occurrence ${index}; earliest free slot in Work`,
      occurrence: { index, dueAt: new Date(`${day}T22:59:00Z`) },
    });
    const changes = [occurrence(2, "2026-03-03"), occurrence(3, "2026-03-04")];
    render(<PlanPreviewList preview={{ ...preview, changes, changeCount: 2 }} timeZone="Europe/Berlin" />);
    const rows = within(screen.getByRole("list", { name: "Changes" })).getAllByRole("listitem");
    expect(rows.map((row) => row.textContent)).toEqual([
      "Standup notes: unscheduled → Tue 3 Mar 09:00–09:15Repeats: the occurrence 2; earliest free slot in Work",
      "Standup notes: unscheduled → Wed 4 Mar 09:00–09:15Repeats: the occurrence 3; earliest free slot in Work",
    ]);
  });

  it("says nothing more when everything is listed", () => {
    render(<PlanPreviewList preview={{ ...preview, changeCount: 1, unplacedCount: 1 }} timeZone="Europe/Berlin" />);
    expect(screen.getByRole("heading", { name: "Changes (1)" })).toBeDefined();
    expect(screen.queryByText(/more, not listed here/)).toBeNull();
  });

  it("names a missing planner once, with a link to create one, instead of a line per task", () => {
    render(<PlanPreviewList preview={noPlanner} timeZone="Europe/Berlin" />, { wrapper: MemoryRouter });
    const notice = screen.getByRole("status");
    expect(within(notice).getByText("You have no working hours yet - create a planner")).toBeDefined();
    expect(within(notice).getByRole("link", { name: "Create a planner" }).getAttribute("href")).toBe("/planners");
    expect(screen.queryByText(/no free window/)).toBeNull();
    expect(screen.queryByRole("heading", { name: /Not planned/ })).toBeNull();
  });

  it("sends a person without tasks to add one, and never claims they all have a time", () => {
    const noTasks: PlanPreview = {
      ...noPlanner,
      unplaced: [],
      unplacedCount: 0,
      notice: { code: "scheduler.plan.no_tasks", message: "Nothing to plan yet - add a task" },
    };
    render(<PlanPreviewList preview={noTasks} timeZone="Europe/Berlin" />, { wrapper: MemoryRouter });
    expect(screen.getByText("Nothing to plan yet - add a task")).toBeDefined();
    expect(screen.getByRole("link", { name: "Add a task" }).getAttribute("href")).toBe("/inbox");
    expect(screen.queryByText(/already has a time/)).toBeNull();
  });
});
