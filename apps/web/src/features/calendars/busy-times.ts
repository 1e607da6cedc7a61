/** "1 busy time", "3 busy times": a feed's event count in words. */
export function busyTimes(count: number): string {
  return `${count} busy ${count === 1 ? "time" : "times"}`;
}
