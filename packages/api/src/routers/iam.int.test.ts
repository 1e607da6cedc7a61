import { randomUUID } from "node:crypto";
import { ACCOUNT_LIMITS } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";
const NOW = new Date("2026-06-01T09:00:00Z"); // the test deps' fixed clock

// Only what the router adds: session, input validation, error mapping, output shape, the caller's
// session and clock handed to the services. The business rules are tested in packages/domain/src/iam/:
// account.int.test.ts (profile, password, sessions, deletion) and tokens/api-tokens.int.test.ts.
describe("iam router", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const issuePaths = (error: { cause?: unknown }) =>
    (error.cause as ZodError).issues.map((issue) => issue.path.join(".")).sort();

  it("tells anyone, signed in or not, whether the server offers Google sign-in", async () => {
    expect(await callerFor(harness.deps, null).iam.authProviders()).toEqual({ google: false });
    const withGoogle = {
      ...harness.deps,
      google: { clientId: "id", clientSecret: "secret", syncIntervalSeconds: 300 },
    };
    expect(await callerFor(withGoogle, null).iam.authProviders()).toEqual({ google: true });
  });

  it("every procedure but authProviders needs a session", async () => {
    const anonymous = callerFor(harness.deps, null).iam;
    for (const call of [
      () => anonymous.me(),
      () => anonymous.updateProfile({ name: "Mia" }),
      () => anonymous.changePassword({ current: "correct horse battery", next: "a new password!" }),
      () => anonymous.signOutEverywhere(),
      () => anonymous.setPassword({ password: "a new password!" }),
      () => anonymous.deleteAccount({ password: "correct horse battery" }),
      () => anonymous.tokens.create({ name: "cli" }),
      () => anonymous.tokens.list(),
      () => anonymous.tokens.revoke({ id: MISSING_ID }),
    ]) {
      expect((await trpcFailure(call())).code).toBe("UNAUTHORIZED");
    }
  });

  it("me and updateProfile answer the caller's profile", async () => {
    const user = await createTestUser(harness.deps, "Mia");
    await expect(user.caller.iam.me()).resolves.toEqual({
      id: user.userId,
      email: user.email,
      name: "Mia",
      timeZone: "UTC",
      createdAt: expect.any(Date),
      hasPassword: true,
    });
    await expect(user.caller.iam.updateProfile({ name: "  Renamed  ", timeZone: "Asia/Kathmandu" })).resolves.toEqual({
      id: user.userId,
      email: user.email,
      name: "Renamed",
      timeZone: "Asia/Kathmandu",
      createdAt: expect.any(Date),
      hasPassword: true,
    });
  });

  it("updateProfile answers BAD_REQUEST naming the field for an unknown time zone, and an empty change", async () => {
    const user = await createTestUser(harness.deps);
    const unknownZone = await trpcFailure(user.caller.iam.updateProfile({ timeZone: "Mars/Olympus_Mons" }));
    expect(unknownZone.code).toBe("BAD_REQUEST");
    expect((unknownZone.cause as ZodError).issues[0]).toMatchObject({
      path: ["timeZone"],
      params: { code: "iam.unknown_time_zone" },
    });
    expect((await trpcFailure(user.caller.iam.updateProfile({}))).code).toBe("BAD_REQUEST");
    await expect(user.caller.iam.me()).resolves.toMatchObject({ timeZone: "UTC" });
  });

  it("changePassword keeps the caller's session; a wrong password is BAD_REQUEST iam.wrong_password", async () => {
    const user = await createTestUser(harness.deps);
    await harness.deps.auth.api.signInEmail({ body: { email: user.email, password: user.password } });

    const short = await trpcFailure(user.caller.iam.changePassword({ current: user.password, next: "short" }));
    expect(short.code).toBe("BAD_REQUEST");
    expect(issuePaths(short)).toEqual(["next"]);
    const wrong = await trpcFailure(
      user.caller.iam.changePassword({ current: "not my password", next: "a new password!" }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.cause).toMatchObject({ code: "iam.wrong_password", details: { field: "password" } });

    await expect(user.caller.iam.changePassword({ current: user.password, next: "a new password!" })).resolves.toEqual({
      revokedSessions: 1,
    });
    const sessions = await harness.database.prisma.session.findMany({ where: { userId: user.userId } });
    expect(sessions.map((session) => session.id)).toEqual([user.session.credentialId]);
  });

  it("signOutEverywhere answers how many sessions it ended", async () => {
    const user = await createTestUser(harness.deps);
    await expect(user.caller.iam.signOutEverywhere()).resolves.toEqual({ revokedSessions: 1 });
  });

  it("deleteAccount answers deleted; a wrong password is BAD_REQUEST iam.wrong_password", async () => {
    const user = await createTestUser(harness.deps);
    const empty = await trpcFailure(user.caller.iam.deleteAccount({ password: "" }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(issuePaths(empty)).toEqual(["password"]);
    const wrong = await trpcFailure(user.caller.iam.deleteAccount({ password: "nope" }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.cause).toMatchObject({ code: "iam.wrong_password" });
    await expect(user.caller.iam.deleteAccount({ password: user.password })).resolves.toEqual({ deleted: true });
  });

  describe("an account without a password (made with Google)", () => {
    async function withoutPassword() {
      const user = await createTestUser(harness.deps);
      await harness.deps.db.account.deleteMany({ where: { userId: user.userId, providerId: "credential" } });
      return user;
    }

    it("me says so; setPassword validates, sets one, and a second is CONFLICT iam.password_already_set", async () => {
      const user = await withoutPassword();
      await expect(user.caller.iam.me()).resolves.toMatchObject({ hasPassword: false });
      const short = await trpcFailure(user.caller.iam.setPassword({ password: "short" }));
      expect(short.code).toBe("BAD_REQUEST");
      expect(issuePaths(short)).toEqual(["password"]);
      await expect(user.caller.iam.setPassword({ password: "a new password!" })).resolves.toEqual({ set: true });
      await expect(user.caller.iam.me()).resolves.toMatchObject({ hasPassword: true });
      const again = await trpcFailure(user.caller.iam.setPassword({ password: "a new password!" }));
      expect(again.code).toBe("CONFLICT");
      expect(again.cause).toMatchObject({ code: "iam.password_already_set" });
    });

    it("a sign-in long ago is FORBIDDEN iam.recent_sign_in_required", async () => {
      const user = await withoutPassword();
      await harness.deps.db.session.update({
        where: { id: user.session.credentialId },
        data: { createdAt: new Date(Date.now() - 60 * 60_000) },
      });
      const refused = await trpcFailure(user.caller.iam.setPassword({ password: "a new password!" }));
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.cause).toMatchObject({ code: "iam.recent_sign_in_required" });
    });

    it("deleteAccount takes the typed email; another email is BAD_REQUEST iam.confirmation_mismatch", async () => {
      const user = await withoutPassword();
      const wrong = await trpcFailure(user.caller.iam.deleteAccount({ confirmEmail: "someone@example.com" }));
      expect(wrong.code).toBe("BAD_REQUEST");
      expect(wrong.cause).toMatchObject({ code: "iam.confirmation_mismatch" });
      await expect(user.caller.iam.deleteAccount({ confirmEmail: user.email })).resolves.toEqual({ deleted: true });
    });
  });

  describe("tokens", () => {
    it("create, list and revoke answer their shapes; the expiry counts from the server's clock", async () => {
      const user = await createTestUser(harness.deps);
      const created = await user.caller.iam.tokens.create({ name: "  backup script ", expiresInDays: 7 });
      expect(created).toEqual({
        token: {
          id: expect.any(String),
          name: "backup script",
          prefix: created.secret.slice(0, 12),
          createdAt: NOW,
          lastUsedAt: null,
          expiresAt: new Date("2026-06-08T09:00:00Z"),
        },
        secret: expect.stringMatching(/^act_/),
      });
      await expect(user.caller.iam.tokens.list()).resolves.toEqual({ items: [created.token], nextCursor: null });
      await expect(user.caller.iam.tokens.revoke({ id: created.token.id })).resolves.toEqual({ revoked: true });
    });

    it("answers BAD_REQUEST naming the fields for a nameless token, an absurd expiry, a bad id or page", async () => {
      const user = await createTestUser(harness.deps);
      const create = await trpcFailure(user.caller.iam.tokens.create({ name: "   ", expiresInDays: 0 }));
      expect(create.code).toBe("BAD_REQUEST");
      expect(issuePaths(create)).toEqual(["expiresInDays", "name"]);
      const revoke = await trpcFailure(user.caller.iam.tokens.revoke({ id: "not-an-id" }));
      expect(revoke.code).toBe("BAD_REQUEST");
      expect(issuePaths(revoke)).toEqual(["id"]);
      const list = await trpcFailure(user.caller.iam.tokens.list({ limit: 0 }));
      expect(list.code).toBe("BAD_REQUEST");
      expect(issuePaths(list)).toEqual(["limit"]);
      await expect(user.caller.iam.tokens.list()).resolves.toEqual({ items: [], nextCursor: null });
    });

    it("maps iam.token_not_found to NOT_FOUND and iam.too_many_tokens to CONFLICT with the limit", async () => {
      const user = await createTestUser(harness.deps);
      const missing = await trpcFailure(user.caller.iam.tokens.revoke({ id: MISSING_ID }));
      expect(missing.code).toBe("NOT_FOUND");
      expect(missing.cause).toMatchObject({ code: "iam.token_not_found" });

      await harness.database.prisma.apiToken.createMany({
        data: Array.from({ length: ACCOUNT_LIMITS.apiTokens }, (_, i) => ({
          userId: user.userId,
          name: `Script ${i}`,
          prefix: "act_xxxxxxxx",
          tokenHash: randomUUID(),
        })),
      });
      const tooMany = await trpcFailure(user.caller.iam.tokens.create({ name: "One too many" }));
      expect(tooMany.code).toBe("CONFLICT");
      expect(tooMany.cause).toMatchObject({ code: "iam.too_many_tokens", details: { max: ACCOUNT_LIMITS.apiTokens } });
      expect(tooMany.message).toContain(String(ACCOUNT_LIMITS.apiTokens));
    });
  });
});
