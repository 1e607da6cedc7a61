import { describe, expect, it } from "vitest";
import { nestSubtasks } from "./nest-subtasks.ts";

const task = (id: string, parentId: string | null = null) => ({ id, parentId });
const shape = (tasks: ReturnType<typeof task>[]) =>
  nestSubtasks(tasks).map(({ task: each, parent }) => (parent ? `  ${each.id}<${parent.id}` : each.id));

describe("nestSubtasks", () => {
  it("puts each sub-task right after its parent, in their own order", () => {
    expect(shape([task("a"), task("s2", "p"), task("p"), task("b"), task("s1", "p"), task("t", "a")])).toEqual([
      "a",
      "  t<a",
      "p",
      "  s2<p",
      "  s1<p",
      "b",
    ]);
  });

  it("leaves a sub-task whose parent is not listed where it is, not indented", () => {
    expect(shape([task("a"), task("s", "elsewhere"), task("b")])).toEqual(["a", "s", "b"]);
  });

  it("never nests two levels, and loses no task if the data has them", () => {
    expect(shape([task("g"), task("p", "g"), task("c", "p")])).toEqual(["g", "  p<g", "c"]);
  });
});
