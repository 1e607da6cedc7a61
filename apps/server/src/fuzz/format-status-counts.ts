/** `200 x 4100, 400 x 5900`: how often each status came back, in status order (both fuzz tests print it). */
export function formatStatusCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status} x ${count}`)
    .join(", ");
}
