import { describe, expect, it } from "vitest";
import { isPublicAddress, literalAddress } from "./public-network-guard.ts";

describe("which addresses a calendar may be downloaded from", () => {
  it("allows public addresses and refuses the server's own and private networks", () => {
    expect(isPublicAddress("142.250.185.78")).toBe(true);
    expect(isPublicAddress("2a00:1450:4001:82b::200e")).toBe(true);
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "192.168.0.10",
      "172.16.5.4",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isPublicAddress("not-an-ip")).toBe(false);
  });

  it("reads an IP written in the URL, and nothing for a name", () => {
    expect(literalAddress(new URL("http://127.0.0.1:8080/a.ics"))).toBe("127.0.0.1");
    expect(literalAddress(new URL("http://[::1]/a.ics"))).toBe("::1");
    expect(literalAddress(new URL("https://calendar.google.com/a.ics"))).toBeNull();
  });
});
