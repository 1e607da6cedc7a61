type Span = { start: Date; end: Date };

/** Whether [start, end) overlaps any of the sorted, disjoint intervals. */
export function overlapsAny(sorted: Span[], start: Date, end: Date): boolean {
  let lo = 0;
  let hi = sorted.length;
  // The first interval ending after `start`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.end.getTime() ?? 0) <= start.getTime()) lo = mid + 1;
    else hi = mid;
  }
  const candidate = sorted[lo];
  return candidate !== undefined && candidate.start < end;
}
