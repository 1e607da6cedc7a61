import { describe, expect, it } from "vitest";
import { ZSecretKeyListVariable, ZSecretKeyVariable } from "./secret-key-schemas.ts";

const key = Buffer.alloc(32, 7);

describe("ZSecretKeyVariable", () => {
  it("reads 32 bytes in standard or url-safe base64; unset and empty are undefined", () => {
    const urlSafe = Buffer.alloc(32, 0xfb);
    expect(ZSecretKeyVariable.parse(key.toString("base64"))?.equals(key)).toBe(true);
    expect(ZSecretKeyVariable.parse(urlSafe.toString("base64url"))?.equals(urlSafe)).toBe(true);
    expect(ZSecretKeyVariable.parse(undefined)).toBeUndefined();
    expect(ZSecretKeyVariable.parse(" ")).toBeUndefined();
  });

  it("refuses another length or text that is not base64, saying how to make one", () => {
    for (const bad of [Buffer.alloc(16).toString("base64"), "not a key!"]) {
      const result = ZSecretKeyVariable.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("openssl rand -base64 32");
    }
  });
});

describe("ZSecretKeyListVariable", () => {
  it("reads a comma-separated list and names a bad item", () => {
    const other = Buffer.alloc(32, 8);
    const keys = ZSecretKeyListVariable.parse(`${key.toString("base64")}, ${other.toString("base64")},`);
    expect(keys.map((item) => item.toString("hex"))).toEqual([key.toString("hex"), other.toString("hex")]);
    expect(ZSecretKeyListVariable.parse(undefined)).toEqual([]);
    const result = ZSecretKeyListVariable.safeParse(`${key.toString("base64")},short`);
    expect(result.error?.issues[0]?.message).toMatch(/^item 2 must be 32 random bytes/);
  });
});
