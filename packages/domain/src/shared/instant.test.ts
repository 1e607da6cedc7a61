import { describe, expect, it } from "vitest";
import {
  assertInstantInRange,
  clampInstant,
  DATE_OUT_OF_RANGE_CODE,
  isInstantInRange,
  isLocalDateInRange,
  MAX_INSTANT,
  MIN_INSTANT,
  ZInstant,
  zInstant,
} from "./instant.ts";

const codesOf = (result: { success: boolean; error?: { issues: { code: string; params?: unknown }[] } }) =>
  (result.error?.issues ?? []).map((issue) => (issue.params as { code?: string } | undefined)?.code ?? issue.code);

describe("the supported date range", () => {
  it("is 1970-01-01T00:00:00Z to 2999-12-31T23:59:59.999Z, both ends included", () => {
    expect(MIN_INSTANT.toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(MAX_INSTANT.toISOString()).toBe("2999-12-31T23:59:59.999Z");
    expect(isInstantInRange(MIN_INSTANT)).toBe(true);
    expect(isInstantInRange(MAX_INSTANT)).toBe(true);
    expect(isInstantInRange(new Date(MIN_INSTANT.getTime() - 1))).toBe(false);
    expect(isInstantInRange(new Date(MAX_INSTANT.getTime() + 1))).toBe(false);
    expect(isInstantInRange(new Date(Number.NaN))).toBe(false);
  });

  it("compares calendar days as text", () => {
    expect(isLocalDateInRange("1970-01-01")).toBe(true);
    expect(isLocalDateInRange("2999-12-31")).toBe(true);
    expect(isLocalDateInRange("1969-12-31")).toBe(false);
    expect(isLocalDateInRange("3000-01-01")).toBe(false);
  });
});

describe("ZInstant", () => {
  it("accepts dates inside the range", () => {
    expect(ZInstant.parse(new Date("2026-06-01T09:00:00Z"))).toEqual(new Date("2026-06-01T09:00:00Z"));
    expect(ZInstant.safeParse(MAX_INSTANT).success).toBe(true);
  });

  it.each([
    ["the year 10000", new Date("+010000-01-01T00:00:00Z")],
    ["the last minutes of 9999", new Date("9999-12-31T23:50:00Z")],
    ["the first millisecond of 3000", new Date("3000-01-01T00:00:00Z")],
    ["the largest Date", new Date(8.64e15)],
    ["the smallest Date", new Date(-8.64e15)],
    ["1969", new Date("1969-12-31T23:59:59.999Z")],
  ])("refuses %s with common.date_out_of_range", (_case, value) => {
    const result = ZInstant.safeParse(value);
    expect(result.success).toBe(false);
    expect(codesOf(result)).toEqual([DATE_OUT_OF_RANGE_CODE]);
    expect(result.error?.issues[0]?.message).toBe("Use a date from 1970-01-01 to 2999-12-31");
  });

  it("keeps a field's own message for something that is not a date at all", () => {
    const result = zInstant("Give the start of the range as a date").safeParse("2026-06-01");
    expect(codesOf(result)).toEqual(["invalid_type"]);
    expect(result.error?.issues[0]?.message).toBe("Give the start of the range as a date");
    expect(codesOf(ZInstant.safeParse(new Date(Number.NaN)))).toEqual(["invalid_type"]);
  });
});

describe("derived dates", () => {
  it("assertInstantInRange throws an INVALID domain error naming the field, and lets null pass", () => {
    expect(() => assertInstantInRange(null, "endTime")).not.toThrow();
    expect(() => assertInstantInRange(MAX_INSTANT, "endTime")).not.toThrow();
    expect(() => assertInstantInRange(new Date("3000-01-01T00:10:00Z"), "endTime")).toThrow(
      expect.objectContaining({
        kind: "INVALID",
        code: DATE_OUT_OF_RANGE_CODE,
        details: expect.objectContaining({ field: "endTime", max: "2999-12-31T23:59:59.999Z" }),
      }),
    );
  });

  it("clampInstant moves a date to the nearest end of the range and leaves others alone", () => {
    expect(clampInstant(new Date("+010000-01-01T00:00:00Z"))).toEqual(MAX_INSTANT);
    expect(clampInstant(new Date("1900-01-01T00:00:00Z"))).toEqual(MIN_INSTANT);
    expect(clampInstant(new Date("2026-06-01T00:00:00Z"))).toEqual(new Date("2026-06-01T00:00:00Z"));
    expect(Number.isNaN(clampInstant(new Date(Number.NaN)).getTime())).toBe(true);
  });
});
