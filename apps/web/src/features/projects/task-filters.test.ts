import { describe, expect, it } from "vitest";
import {
  filtersFromSearchParams,
  filtersToListInput,
  filtersToSearchParams,
  hasFilters,
  NO_FILTERS,
} from "./task-filters.ts";

const PROJECT = "0190f0c4-7a1e-7000-8000-000000000001";

describe("task filters in the URL", () => {
  it("round-trips every filter through the search params", () => {
    const filters = {
      status: "done",
      scheduled: "no",
      dueBy: "2026-03-05",
      priorityMin: "3",
      q: "report",
      view: "schedulable",
    } as const;
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe("status=done&scheduled=no&due=2026-03-05&priority=3&q=report&view=schedulable");
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });

  it("leaves defaults out of the URL and reads nonsense as no filter", () => {
    expect(filtersToSearchParams(NO_FILTERS).toString()).toBe("");
    expect(hasFilters(NO_FILTERS)).toBe(false);
    const odd = new URLSearchParams("status=maybe&scheduled=1&due=2026-02-30&priority=9&view=all");
    expect(filtersFromSearchParams(odd)).toEqual(NO_FILTERS);
  });
});

describe("filtersToListInput", () => {
  it("sends only the filters that are set", () => {
    expect(filtersToListInput(PROJECT, NO_FILTERS, "Europe/Berlin", 50)).toEqual({
      projectId: PROJECT,
      limit: 50,
      isComplete: false,
    });
  });

  it("reads 'due by' as the end of that day in the person's zone, across a non-whole-hour offset", () => {
    const input = filtersToListInput(
      PROJECT,
      { ...NO_FILTERS, status: "done", scheduled: "yes", dueBy: "2026-03-05", priorityMin: "2", q: "  tax  " },
      "Asia/Kathmandu",
      50,
    );
    expect(input).toEqual({
      projectId: PROJECT,
      limit: 50,
      isComplete: true,
      scheduled: true,
      // Midnight starting 6 March in Kathmandu (+05:45).
      dueBefore: new Date("2026-03-05T18:15:00.000Z"),
      priorityMin: 2,
      q: "tax",
    });
  });
});
