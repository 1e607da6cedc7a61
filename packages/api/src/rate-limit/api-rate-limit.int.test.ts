import { createRateLimitStore, DomainError } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type ServerDeps } from "../context.ts";
import { createCaller } from "../root.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";
import { type ApiRateLimits, createApiRateLimiter } from "./create-api-rate-limiter.ts";

describe("rate limits on every procedure", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** The harness's dependencies with a limiter of these sizes (a new prefix each time, so counts start at zero). */
  function limitedDeps(limits: Partial<ApiRateLimits>): ServerDeps {
    const rateLimiter = createApiRateLimiter({
      store: createRateLimitStore({ db: harness.database.prisma }),
      limits: { perMinute: 1000, anonymousPerMinute: 1000, sensitivePerHour: 1000, ...limits },
    });
    return { ...harness.deps, rateLimiter };
  }

  it("refuses a person's calls over the limit with common.rate_limited, and no one else's", async () => {
    const deps = limitedDeps({ perMinute: 3 });
    const ada = await createTestUser(deps);
    const bob = await createTestUser(deps);
    const asAda = callerFor(deps, ada.session);

    await asAda.iam.me();
    await asAda.scheduler.tasks.list({});
    await asAda.meta.health();
    const refused = await trpcFailure(asAda.iam.me());
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.cause).toMatchObject({
      kind: "RATE_LIMITED",
      code: "common.rate_limited",
      details: { limit: 3, remaining: 0, windowSeconds: 60 },
    });
    expect(refused.cause).toBeInstanceOf(DomainError);
    expect((refused.cause as DomainError).details?.retryAfterSeconds).toBeGreaterThan(0);

    await expect(callerFor(deps, bob.session).iam.me()).resolves.toMatchObject({ id: bob.userId });
  });

  it("counts a person's browser sessions and API tokens together", async () => {
    const deps = limitedDeps({ perMinute: 2 });
    const ada = await createTestUser(deps);
    await callerFor(deps, ada.session).iam.me();
    await callerFor(deps, { ...ada.session, via: "token", credentialId: "some-token-id" }).iam.me();
    expect((await trpcFailure(callerFor(deps, ada.session).iam.me())).code).toBe("TOO_MANY_REQUESTS");
  });

  it("counts calls without a session per client address, refused procedures included", async () => {
    const deps = limitedDeps({ anonymousPerMinute: 2 });
    const from = (clientIp: string) => createCaller(createContextInner({ deps, clientIp }));

    await from("198.51.100.7").meta.health();
    expect((await trpcFailure(from("198.51.100.7").iam.me())).code).toBe("UNAUTHORIZED");
    const refused = await trpcFailure(from("198.51.100.7").meta.health());
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.cause).toMatchObject({ code: "common.rate_limited" });

    await expect(from("198.51.100.8").meta.health()).resolves.toMatchObject({ status: "ok" });
  });

  it("holds password checks and token creation to the much stricter hourly limit", async () => {
    const deps = limitedDeps({ perMinute: 100, sensitivePerHour: 3 });
    const ada = await createTestUser(deps);
    const asAda = callerFor(deps, ada.session);

    const wrong = await trpcFailure(asAda.iam.changePassword({ current: "a wrong guess", next: "a new password!" }));
    expect(wrong.cause).toMatchObject({ code: "iam.wrong_password" });
    await asAda.iam.tokens.create({ name: "script" });
    expect((await trpcFailure(asAda.iam.deleteAccount({ password: "another guess" }))).cause).toMatchObject({
      code: "iam.wrong_password",
    });

    // Even the right password is not checked any more this hour.
    const refused = await trpcFailure(asAda.iam.changePassword({ current: ada.password, next: "a new password!" }));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.cause).toMatchObject({ code: "common.rate_limited", details: { limit: 3, windowSeconds: 3600 } });
    expect((await trpcFailure(asAda.iam.tokens.create({ name: "another" }))).code).toBe("TOO_MANY_REQUESTS");

    // Everything else goes on, and so do other people's password checks.
    await expect(asAda.iam.tokens.list({})).resolves.toMatchObject({ items: [expect.anything()] });
    const bob = await createTestUser(deps);
    const bobWrong = await trpcFailure(
      callerFor(deps, bob.session).iam.changePassword({ current: "nope, wrong", next: "a new password!" }),
    );
    expect(bobWrong.cause).toMatchObject({ code: "iam.wrong_password" });
  });
});
