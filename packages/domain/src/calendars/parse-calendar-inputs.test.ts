import { describe, expect, it } from "vitest";
import { MAX_BUSY_RANGE_DAYS, ZAddFeedInput, ZListBusyInput } from "./schemas.ts";

const DAY = 86_400_000;
const FROM = new Date("2026-06-01T00:00:00Z");

// The input rules the router applies before calling a calendars service.
describe("calendars inputs", () => {
  it("trim a feed's name and address", () => {
    expect(ZAddFeedInput.parse({ name: "  Work ", url: " https://calendar.example.com/basic.ics " })).toEqual({
      name: "Work",
      url: "https://calendar.example.com/basic.ics",
    });
  });

  it("refuse an empty name and an address that is not http(s), each at its field", () => {
    const parsed = ZAddFeedInput.safeParse({ name: "  ", url: "ftp://example.com/x.ics" });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["name", "Enter a name"],
      ["url", "Enter the calendar's address, starting with https://"],
    ]);
  });

  it(`list busy time for at most ${MAX_BUSY_RANGE_DAYS} days, ending after it starts`, () => {
    const to = (days: number) => new Date(FROM.getTime() + days * DAY);
    expect(ZListBusyInput.safeParse({ from: FROM, to: to(MAX_BUSY_RANGE_DAYS) }).success).toBe(true);
    expect(ZListBusyInput.safeParse({ from: FROM, to: to(43) }).error?.issues[0]).toMatchObject({
      path: ["to"],
      params: { code: "calendars.range_too_long" },
    });
    expect(ZListBusyInput.safeParse({ from: FROM, to: FROM }).error?.issues[0]).toMatchObject({
      path: ["to"],
      params: { code: "calendars.invalid_range" },
    });
  });
});
