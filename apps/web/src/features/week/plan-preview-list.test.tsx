// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PlanPreviewList } from "./plan-preview-list.tsx";
import type { PlanPreview } from "./week-types.ts";

afterEach(() => {
  cleanup();
});

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
};

describe("PlanPreviewList", () => {
  it("gives the totals and says how many more the server did not list", () => {
    render(<PlanPreviewList preview={preview} timeZone="Europe/Berlin" />);
    expect(screen.getByRole("heading", { name: "Changes (1200)" })).toBeDefined();
    expect(screen.getByText("…and 1,199 more, not listed here.")).toBeDefined();
    expect(screen.getByRole("heading", { name: "Not planned (101)" })).toBeDefined();
    expect(screen.getByText("…and 100 more, not listed here.")).toBeDefined();
  });

  it("says nothing more when everything is listed", () => {
    render(<PlanPreviewList preview={{ ...preview, changeCount: 1, unplacedCount: 1 }} timeZone="Europe/Berlin" />);
    expect(screen.getByRole("heading", { name: "Changes (1)" })).toBeDefined();
    expect(screen.queryByText(/more, not listed here/)).toBeNull();
  });
});
