import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSumTree } from "./create-sum-tree.ts";

describe("createSumTree", () => {
  it("sums prefixes like a loop, after any updates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.tuple(fc.nat(45), fc.integer({ min: 0, max: 1000 })), { maxLength: 30 }),
        fc.array(fc.nat(50), { minLength: 1, maxLength: 10 }),
        (size, updates, counts) => {
          const values = new Array<number>(size).fill(0);
          const tree = createSumTree(size);
          for (const [index, value] of updates) {
            if (index >= size) continue;
            values[index] = value;
            tree.set(index, value);
          }
          for (const count of counts) {
            expect(tree.sumFirst(count)).toBe(values.slice(0, count).reduce((sum, value) => sum + value, 0));
          }
        },
      ),
    );
  });
});
