import { describe, expect, it } from "vitest";
import { timeAgo } from "./relative-time.ts";

const NOW = new Date("2026-06-02T10:00:00Z");
const earlier = (ms: number) => new Date(NOW.getTime() - ms);

describe("how long ago a calendar was synced", () => {
  it("says it in words", () => {
    expect(timeAgo(earlier(2 * 60_000), NOW)).toBe("2 minutes ago");
    expect(timeAgo(earlier(3 * 3_600_000), NOW)).toBe("3 hours ago");
    expect(timeAgo(earlier(2 * 86_400_000), NOW)).toBe("2 days ago");
  });

  it("calls anything within a minute 'just now', even a server clock slightly ahead", () => {
    expect(timeAgo(earlier(20_000), NOW)).toBe("just now");
    expect(timeAgo(new Date(NOW.getTime() + 2_000), NOW)).toBe("just now");
  });
});
