import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextFactory, createContextInner } from "./context.ts";
import { createTestDeps, recordingLog, TEST_APP_ORIGIN } from "./testing/create-test-deps.ts";
import { createTestUser, type TestUser } from "./testing/test-users.ts";

describe("context creation", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let user: TestUser;
  let tokenSecret: string;

  beforeAll(async () => {
    harness = await createTestDeps();
    user = await createTestUser(harness.deps);
    tokenSecret = (await user.caller.iam.tokens.create({ name: "ctx test" })).secret;
  });
  afterAll(async () => {
    await harness?.close();
  });

  const contextFor = (method: string, headers: Record<string, string>) =>
    createContextFactory(harness.deps)({ req: { id: "req-1", method, headers } });

  it("createContextInner defaults to an anonymous caller with an internal request id", () => {
    const ctx = createContextInner({ deps: harness.deps });
    expect(ctx.session).toBeNull();
    expect(ctx.requestId).toBe("internal");
  });

  it("takes the request id and the request's own logger", async () => {
    const requestLog = recordingLog();
    const ctx = await createContextFactory(harness.deps)({
      req: { id: "req-42", method: "GET", headers: {}, log: requestLog },
    });
    expect(ctx.requestId).toBe("req-42");
    expect(ctx.log).toBe(requestLog);
    expect(ctx.session).toBeNull();
  });

  it("resolves a session from the session cookie", async () => {
    const ctx = await contextFor("GET", { cookie: user.cookie });
    expect(ctx.session).toEqual({ userId: user.userId, via: "cookie", credentialId: user.session.credentialId });
  });

  it("resolves a session from a bearer API token", async () => {
    const ctx = await contextFor("GET", { authorization: `Bearer ${tokenSecret}` });
    expect(ctx.session).toMatchObject({ userId: user.userId, via: "token" });
  });

  it("treats an unknown bearer token as anonymous, even next to a valid cookie", async () => {
    const ctx = await contextFor("GET", { authorization: "Bearer act_not-a-real-token", cookie: user.cookie });
    expect(ctx.session).toBeNull();
  });

  it("ignores the cookie on a cross-site mutation, keeps it on a same-site one", async () => {
    const crossSite = await contextFor("POST", { cookie: user.cookie, origin: "https://evil.example" });
    expect(crossSite.session).toBeNull();
    const sameSite = await contextFor("POST", { cookie: user.cookie, origin: TEST_APP_ORIGIN });
    expect(sameSite.session?.userId).toBe(user.userId);
  });
});
