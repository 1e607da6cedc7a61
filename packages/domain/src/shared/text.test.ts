import { describe, expect, it } from "vitest";
import { findInvalidText, hasInvalidCharacters, INVALID_CHARACTERS_CODE, ZText } from "./text.ts";

const codesOf = (result: { error?: { issues: { code: string; params?: unknown }[] } }) =>
  (result.error?.issues ?? []).map((issue) => (issue.params as { code?: string } | undefined)?.code ?? issue.code);

describe("characters a text may not hold", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["a lone high surrogate", "a\uD800b"],
    ["a lone low surrogate", "a\uDC00b"],
    ["a high surrogate at the end", "smile \uD83D"],
    ["two high surrogates", "\uD83D\uD83D"],
  ])("finds %s", (_case, value) => {
    expect(hasInvalidCharacters(value)).toBe(true);
  });

  it.each([
    ["plain text", "Pay rent"],
    ["an emoji (a surrogate pair)", "Ship it 🚀"],
    ["other control characters, which PostgreSQL stores", "tab\tnew\nline\u0001"],
    ["accents and CJK", "Café 日本語"],
    ["the replacement character itself", "\uFFFD"],
  ])("accepts %s", (_case, value) => {
    expect(hasInvalidCharacters(value)).toBe(false);
  });
});

describe("ZText", () => {
  const ZName = ZText.trim().min(1, "Enter a name").max(5, "Too long");

  it("refuses NUL and lone surrogates with common.invalid_characters, as the only issue", () => {
    expect(codesOf(ZName.safeParse("a\u0000"))).toEqual([INVALID_CHARACTERS_CODE]);
    // The field's other rules would also fail here; the character problem is what the person must fix.
    expect(codesOf(ZName.safeParse("\uD800 way too long"))).toEqual([INVALID_CHARACTERS_CODE]);
  });

  it("keeps the field's own rules and transforms", () => {
    expect(ZName.parse("  Ada ")).toBe("Ada");
    expect(codesOf(ZName.safeParse("   "))).toEqual(["too_small"]);
    expect(ZText.parse("🚀")).toBe("🚀");
  });
});

describe("findInvalidText", () => {
  it("names the path of the first bad string in a JSON value, in values or keys", () => {
    expect(findInvalidText({ email: "a@example.com", password: "x\u0000" })).toBe("password");
    expect(findInvalidText({ user: { name: ["ok", "b\uDC00"] } })).toBe("user.name.1");
    expect(findInvalidText({ "bad\u0000key": 1 })).toBe("(key)");
    expect(findInvalidText("\u0000")).toBe("body");
    expect(findInvalidText({ email: "a@example.com", count: 3, nested: [null, true] })).toBeNull();
    expect(findInvalidText(undefined)).toBeNull();
  });

  it("walks a very deeply nested body without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let depth = 0; depth < 200_000; depth++) deep = [deep];
    expect(findInvalidText(deep)).toMatch(/^0(\.0)+$/);
  });
});
