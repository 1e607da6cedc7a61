import { describe, expect, it } from "vitest";
import { googleEndpoints } from "./google-endpoints.ts";

describe("googleEndpoints", () => {
  it("names Google's own hosts without a base URL", () => {
    const endpoints = googleEndpoints();
    expect(endpoints.authorize).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    expect(endpoints.token).toBe("https://oauth2.googleapis.com/token");
    expect(endpoints.userinfo).toBe("https://openidconnect.googleapis.com/v1/userinfo");
    expect(endpoints.calendar).toBe("https://www.googleapis.com/calendar/v3");
  });

  it("replaces every origin by the base URL's and keeps Google's paths", () => {
    const endpoints = googleEndpoints("http://127.0.0.1:4010/ignored/path");
    expect(endpoints).toEqual({
      authorize: "http://127.0.0.1:4010/o/oauth2/v2/auth",
      token: "http://127.0.0.1:4010/token",
      revoke: "http://127.0.0.1:4010/revoke",
      jwks: "http://127.0.0.1:4010/oauth2/v3/certs",
      userinfo: "http://127.0.0.1:4010/v1/userinfo",
      calendar: "http://127.0.0.1:4010/calendar/v3",
      issuer: "http://127.0.0.1:4010",
    });
  });
});
