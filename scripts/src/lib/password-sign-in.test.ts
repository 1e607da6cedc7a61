import { describe, expect, it } from "vitest";
import { readSignInResponse } from "./password-sign-in.ts";

function json(status: number, body: unknown, headers: [string, string][] = []): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: [["content-type", "application/json"], ...headers],
  });
}

describe("readSignInResponse", () => {
  it("turns Set-Cookie headers into one Cookie header without their attributes", async () => {
    const response = json(200, { redirect: false }, [
      ["set-cookie", "better-auth.session_token=abc.def%3D; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax"],
      ["set-cookie", "better-auth.session_data=xyz; Path=/"],
    ]);
    expect(await readSignInResponse(response)).toEqual({
      kind: "signed-in",
      cookie: "better-auth.session_token=abc.def%3D; better-auth.session_data=xyz",
    });
  });

  it("treats a success without a cookie as a rejection, since nothing could be done with it", async () => {
    expect(await readSignInResponse(json(200, {}))).toMatchObject({ kind: "rejected", status: 200, code: null });
  });

  it("recognizes wrong credentials by better-auth's code", async () => {
    const response = json(401, { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" });
    expect(await readSignInResponse(response)).toEqual({ kind: "invalid-credentials" });
  });

  it("reads Retry-After when rate limited, and tolerates its absence", async () => {
    const limited = json(429, { code: "iam.rate_limited", message: "Too many attempts." }, [["retry-after", "899"]]);
    expect(await readSignInResponse(limited)).toEqual({ kind: "rate-limited", retryAfterSeconds: 899 });
    expect(await readSignInResponse(json(429, {}))).toEqual({ kind: "rate-limited", retryAfterSeconds: null });
  });

  it("passes on other refusals with the server's message, or the status text for non-JSON bodies", async () => {
    const unverified = json(403, { code: "EMAIL_NOT_VERIFIED", message: "Email not verified" });
    expect(await readSignInResponse(unverified)).toEqual({
      kind: "rejected",
      status: 403,
      code: "EMAIL_NOT_VERIFIED",
      message: "Email not verified",
    });
    const proxy = new Response("<html>Bad Gateway</html>", { status: 502, statusText: "Bad Gateway" });
    expect(await readSignInResponse(proxy)).toEqual({
      kind: "rejected",
      status: 502,
      code: null,
      message: "Bad Gateway",
    });
  });
});
