import { describe, expect, it } from "vitest";
import { PRIORITY_LEVELS, priorityFromTodoist, priorityFromWord, priorityLabel } from "./schemas.ts";

describe("priority levels", () => {
  it("name every value of the 0-5 scale exactly once, most urgent first", () => {
    expect(PRIORITY_LEVELS.map((level) => level.value)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(new Set(PRIORITY_LEVELS.map((level) => level.label)).size).toBe(6);
  });

  it.each([
    [5, "P1 urgent"],
    [4, "P2 high"],
    [3, "P3 medium"],
    [2, "Low priority"],
    [1, "Lowest priority"],
    [0, "No priority"],
    [9, "Priority 9"],
  ])("labels %i as %s", (value, label) => {
    expect(priorityLabel(value)).toBe(label);
  });

  it.each([
    ["p1", 5],
    ["P1", 5],
    ["urgent", 5],
    ["p2", 4],
    ["High", 4],
    ["p3", 3],
    ["medium", 3],
    ["low", 2],
    ["lowest", 1],
    ["p4", 0],
    ["none", 0],
    ["p5", null],
    ["p0", null],
    ["important", null],
    ["", null],
  ])("reads %j as %j", (word, value) => {
    expect(priorityFromWord(word)).toBe(value);
  });

  it.each([
    [4, 5],
    [3, 4],
    [2, 3],
    [1, 0],
    [7, 0],
  ])("maps Todoist API priority %i to %i", (todoist, value) => {
    expect(priorityFromTodoist(todoist)).toBe(value);
  });

  it("agrees with the quick-add words: Todoist p1-p4 and the typed p1-p4 are the same numbers", () => {
    for (const flag of [1, 2, 3, 4]) {
      expect(priorityFromTodoist(5 - flag)).toBe(priorityFromWord(`p${flag}`));
    }
  });
});
