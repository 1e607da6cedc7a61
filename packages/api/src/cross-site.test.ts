import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./cross-site.ts";

const trustedOrigins = ["https://app.example.com"];
const check = (method: string, headers: Record<string, string>) =>
  isCrossSiteRequest({ method, headers: new Headers(headers), trustedOrigins });

describe("isCrossSiteRequest", () => {
  it("rejects state changes from untrusted or opaque origins", () => {
    expect(check("POST", { origin: "https://evil.example" })).toBe(true);
    expect(check("POST", { origin: "null" })).toBe(true);
    expect(check("POST", { "sec-fetch-site": "cross-site" })).toBe(true);
  });

  it("accepts the app's own origin, safe methods and non-browser clients", () => {
    expect(check("POST", { origin: "https://app.example.com" })).toBe(false);
    expect(check("GET", { origin: "https://evil.example" })).toBe(false);
    expect(check("POST", {})).toBe(false);
    expect(check("POST", { "sec-fetch-site": "same-origin" })).toBe(false);
  });
});
