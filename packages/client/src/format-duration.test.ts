import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration.ts";

describe("formatDuration", () => {
  it("uses the largest units that matter", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(42)).toBe("42s");
    expect(formatDuration(65)).toBe("1m 05s");
    expect(formatDuration(2 * 3_600 + 5 * 60 + 9)).toBe("2h 05m 09s");
    expect(formatDuration(3 * 86_400 + 4 * 3_600 + 5 * 60 + 9)).toBe("3d 4h 05m");
  });

  it("never shows negative or fractional time", () => {
    expect(formatDuration(-1)).toBe("0s");
    expect(formatDuration(9.9)).toBe("9s");
  });
});
