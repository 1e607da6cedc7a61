/** Fixed-size array of values that sums any prefix in O(log n). */
export type SumTree = {
  set(index: number, value: number): void;
  /** The sum of the first `count` values. */
  sumFirst(count: number): number;
};

/** A Fenwick tree over `size` slots, all starting at 0. */
export function createSumTree(size: number): SumTree {
  const values = new Float64Array(size);
  const partial = new Float64Array(size + 1);
  return {
    set(index, value) {
      const delta = value - (values[index] ?? 0);
      if (delta === 0) return;
      values[index] = value;
      for (let node = index + 1; node <= size; node += node & -node) partial[node] = (partial[node] ?? 0) + delta;
    },
    sumFirst(count) {
      let sum = 0;
      for (let node = Math.min(count, size); node > 0; node -= node & -node) sum += partial[node] ?? 0;
      return sum;
    },
  };
}
