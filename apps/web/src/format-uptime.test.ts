import { describe, expect, it } from "vitest";
import { formatUptime } from "./format-uptime.ts";

describe("formatUptime", () => {
  it("shows the two largest units", () => {
    expect(formatUptime(0)).toBe("0 s");
    expect(formatUptime(42)).toBe("42 s");
    expect(formatUptime(125)).toBe("2 min 5 s");
    expect(formatUptime(2 * 3_600 + 5 * 60 + 9)).toBe("2 h 5 min");
    expect(formatUptime(3 * 86_400 + 4 * 3_600 + 59)).toBe("3 d 4 h");
  });

  it("never shows negative or fractional time", () => {
    expect(formatUptime(-5)).toBe("0 s");
    expect(formatUptime(59.9)).toBe("59 s");
  });
});
