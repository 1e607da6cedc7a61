import { describe, expect, it } from "vitest";
import type { Task } from "../tasks/task-types.ts";
import { type InboxData, inboxTasks, withoutTask, withTaskMoved } from "./inbox-cache.ts";

const task = (id: string) => ({ id, summary: id }) as Task;
const data = (...pages: string[][]): InboxData => ({
  pages: pages.map((ids) => ({ items: ids.map(task), nextCursor: null })),
  pageParams: pages.map(() => null),
});
const ids = (value: InboxData) => value.pages.map((page) => page.items.map((item) => item.id));

describe("inbox cache", () => {
  it("moves a task down to the target's place, across pages, keeping page sizes", () => {
    expect(ids(withTaskMoved(data(["a", "b"], ["c"]), "a", "c"))).toEqual([["b", "c"], ["a"]]);
  });

  it("moves a task up to the target's place", () => {
    expect(ids(withTaskMoved(data(["a", "b", "c"]), "c", "a"))).toEqual([["c", "a", "b"]]);
  });

  it("leaves the data alone when a task is not loaded", () => {
    const before = data(["a", "b"]);
    expect(withTaskMoved(before, "a", "zz")).toBe(before);
  });

  it("removes a task from whichever page holds it", () => {
    expect(inboxTasks(withoutTask(data(["a"], ["b", "c"]), "b")).map((item) => item.id)).toEqual(["a", "c"]);
  });
});
