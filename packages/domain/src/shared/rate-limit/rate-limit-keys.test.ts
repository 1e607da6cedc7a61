import { describe, expect, it } from "vitest";
import { clientAddressKey, emailKey } from "./rate-limit-keys.ts";

describe("clientAddressKey", () => {
  it("keeps IPv4 addresses, including IPv4-mapped IPv6", () => {
    expect(clientAddressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("counts an IPv6 client per /64, however it writes its address", () => {
    const key = clientAddressKey("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe(key);
    expect(clientAddressKey("2001:db8:1:3::1")).not.toBe(key);
  });

  it("bounds whatever else arrives", () => {
    expect(clientAddressKey("x".repeat(10_000))).toHaveLength("other:".length + 64);
  });
});

describe("emailKey", () => {
  it("is case- and space-insensitive, short, and not the address", () => {
    const key = emailKey("Ada@Example.com");
    expect(emailKey(" ada@example.com ")).toBe(key);
    expect(emailKey("bob@example.com")).not.toBe(key);
    expect(key).toHaveLength(32);
    expect(emailKey("a".repeat(1_000_000))).toHaveLength(32);
    expect(key).not.toContain("example");
  });
});
