import { describe, expect, it } from "vitest";
import { maskFeedUrl } from "./mask-feed-url.ts";

describe("maskFeedUrl", () => {
  it("keeps the origin and a short last segment, never the secret parts", () => {
    expect(
      maskFeedUrl("https://calendar.google.com/calendar/ical/me%40example.com/private-0123456789abcdef/basic.ics"),
    ).toBe("https://calendar.google.com/…/basic.ics");
  });

  it("hides a long last segment and any query string", () => {
    expect(maskFeedUrl("https://example.com/feeds/8f3a9b0c1d2e3f405162738495a6b7c8.ics")).toBe("https://example.com/…");
    expect(maskFeedUrl("https://example.com/cal.ics?token=secret")).toBe("https://example.com/…/cal.ics");
  });
});
