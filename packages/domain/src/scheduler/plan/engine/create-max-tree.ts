/** Fixed-size array of values that answers "first index from here with a value this big". */
export type MaxTree = {
  set(index: number, value: number): void;
  /** The first index >= from whose value is >= atLeast, or -1. O(log n). */
  findFirst(from: number, atLeast: number): number;
};

/**
 * A max segment tree over `size` slots, all starting at 0. The planner keeps one per pool
 * of free time so finding the earliest slot long enough never rescans the time that
 * earlier tasks already filled.
 */
export function createMaxTree(size: number): MaxTree {
  let width = 1;
  while (width < size) width *= 2;
  const max = new Float64Array(2 * width);

  const findFrom = (node: number, lo: number, hi: number, from: number, atLeast: number): number => {
    if (hi <= from || (max[node] ?? 0) < atLeast) return -1;
    if (hi - lo === 1) return lo < size ? lo : -1;
    const mid = (lo + hi) >> 1;
    const left = findFrom(2 * node, lo, mid, from, atLeast);
    return left >= 0 ? left : findFrom(2 * node + 1, mid, hi, from, atLeast);
  };

  return {
    set(index, value) {
      let node = index + width;
      max[node] = value;
      for (node >>= 1; node >= 1; node >>= 1) {
        max[node] = Math.max(max[2 * node] ?? 0, max[2 * node + 1] ?? 0);
      }
    },
    findFirst(from, atLeast) {
      if (size === 0) return -1;
      return findFrom(1, 0, width, from, atLeast);
    },
  };
}
