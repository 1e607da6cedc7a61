import { describe, expect, it } from "vitest";

describe("test environment", () => {
  it("runs in Asia/Kathmandu (UTC+05:45) so machine-zone assumptions surface", () => {
    expect(new Date("2026-01-01T00:00:00Z").getTimezoneOffset()).toBe(-345);
  });
});
