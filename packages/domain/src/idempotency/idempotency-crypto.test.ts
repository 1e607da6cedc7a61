import { describe, expect, it } from "vitest";
import { decryptResponse, encryptResponse, hashRequest, stableStringify } from "./idempotency-crypto.ts";

describe("idempotency crypto", () => {
  it("hashes requests whatever their object key order, arrays keeping theirs", () => {
    expect(stableStringify({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}',
    );
    expect(hashRequest({ a: 1, b: 2 })).toBe(hashRequest({ b: 2, a: 1 }));
    expect(hashRequest({ a: [1, 2] })).not.toBe(hashRequest({ a: [2, 1] }));
  });

  it("decrypts a response only with the same key and person", () => {
    const bytes = encryptResponse({ key: "k-1", userId: "u-1", text: '{"secret":"act_abc"}' });
    expect(decryptResponse({ key: "k-1", userId: "u-1", bytes })).toBe('{"secret":"act_abc"}');
    expect(() => decryptResponse({ key: "k-2", userId: "u-1", bytes })).toThrow();
    expect(() => decryptResponse({ key: "k-1", userId: "u-2", bytes })).toThrow();
  });
});
