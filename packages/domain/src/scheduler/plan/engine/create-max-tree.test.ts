import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMaxTree } from "./create-max-tree.ts";

describe("createMaxTree", () => {
  it("finds the first slot from an index whose value is big enough, like a linear scan", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(45), fc.integer({ min: 0, max: 50 })), { maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(45), fc.integer({ min: 1, max: 55 })), { minLength: 1, maxLength: 10 }),
        (initial, updates, queries) => {
          const values = [...initial];
          const tree = createMaxTree(values.length);
          for (const [i, value] of values.entries()) tree.set(i, value);
          for (const [index, value] of updates) {
            if (index >= values.length) continue;
            values[index] = value;
            tree.set(index, value);
          }
          for (const [from, atLeast] of queries) {
            const expected = values.findIndex((value, i) => i >= from && value >= atLeast);
            expect(tree.findFirst(from, atLeast)).toBe(expected);
          }
        },
      ),
    );
  });
});
