/** Index of the last value of an ascending array strictly below `bound`, or -1 (binary search). */
export function lastIndexBelow(sorted: ArrayLike<number>, bound: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
