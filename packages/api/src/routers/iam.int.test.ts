import { authenticateApiToken } from "@agendacraft/domain/iam";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../testing/test-users.ts";
import { trpcFailure } from "../testing/trpc-failure.ts";

describe("iam router", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("iam.me returns the signed-in user's profile, with UTC as the default time zone", async () => {
    const user = await createTestUser(harness.deps, "Mia");
    const me = await user.caller.iam.me();
    expect(me).toMatchObject({ id: user.userId, email: user.email, name: "Mia", timeZone: "UTC" });
    expect(me.createdAt).toBeInstanceOf(Date);
  });

  it("updateProfile changes the name and an IANA time zone, and rejects an unknown zone by field", async () => {
    const user = await createTestUser(harness.deps);
    const updated = await user.caller.iam.updateProfile({ name: "  Renamed  ", timeZone: "Asia/Kathmandu" });
    expect(updated).toMatchObject({ name: "Renamed", timeZone: "Asia/Kathmandu" });

    const error = await trpcFailure(user.caller.iam.updateProfile({ timeZone: "Mars/Olympus_Mons" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues[0]).toMatchObject({
      path: ["timeZone"],
      params: { code: "iam.unknown_time_zone" },
    });
    await expect(user.caller.iam.me()).resolves.toMatchObject({ timeZone: "Asia/Kathmandu" });
  });

  it("changePassword needs the current password, then signs out every other session", async () => {
    const user = await createTestUser(harness.deps);
    const otherBrowser = await harness.deps.auth.api.signInEmail({
      body: { email: user.email, password: user.password },
    });
    expect(otherBrowser.token).toBeTruthy();

    const wrong = await trpcFailure(
      user.caller.iam.changePassword({ current: "not my password", next: "a new password!" }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.cause).toMatchObject({ code: "iam.wrong_password" });

    const result = await user.caller.iam.changePassword({ current: user.password, next: "a new password!" });
    expect(result.revokedSessions).toBe(1);
    const sessions = await harness.database.prisma.session.findMany({ where: { userId: user.userId } });
    expect(sessions.map((session) => session.id)).toEqual([user.session.credentialId]);

    await expect(
      harness.deps.auth.api.signInEmail({ body: { email: user.email, password: user.password } }),
    ).rejects.toThrow();
    await expect(
      harness.deps.auth.api.signInEmail({ body: { email: user.email, password: "a new password!" } }),
    ).resolves.toMatchObject({ user: { id: user.userId } });
  });

  it("changePassword leaves API tokens working (they are revoked one by one, as the README says)", async () => {
    const user = await createTestUser(harness.deps);
    const { token, secret } = await user.caller.iam.tokens.create({ name: "nightly export" });
    await user.caller.iam.changePassword({ current: user.password, next: "another new password" });
    await expect(
      authenticateApiToken({ db: harness.database.prisma, secret, clock: harness.deps.clock }),
    ).resolves.toMatchObject({ userId: user.userId, via: "token", credentialId: token.id });
  });

  it("signOutEverywhere ends every browser session of the user and no one else's", async () => {
    const user = await createTestUser(harness.deps);
    const other = await createTestUser(harness.deps);
    await harness.deps.auth.api.signInEmail({ body: { email: user.email, password: user.password } });
    await expect(user.caller.iam.signOutEverywhere()).resolves.toEqual({ revokedSessions: 2 });
    await expect(harness.database.prisma.session.count({ where: { userId: user.userId } })).resolves.toBe(0);
    await expect(harness.database.prisma.session.count({ where: { userId: other.userId } })).resolves.toBe(1);
  });

  it("deleteAccount needs the password and removes the user with their sessions and tokens", async () => {
    const user = await createTestUser(harness.deps);
    await user.caller.iam.tokens.create({ name: "script" });
    const wrong = await trpcFailure(user.caller.iam.deleteAccount({ password: "nope" }));
    expect(wrong.cause).toMatchObject({ code: "iam.wrong_password" });
    await expect(harness.database.prisma.user.count({ where: { id: user.userId } })).resolves.toBe(1);

    await expect(user.caller.iam.deleteAccount({ password: user.password })).resolves.toEqual({ deleted: true });
    const { prisma } = harness.database;
    await expect(prisma.user.count({ where: { id: user.userId } })).resolves.toBe(0);
    await expect(prisma.session.count({ where: { userId: user.userId } })).resolves.toBe(0);
    await expect(prisma.account.count({ where: { userId: user.userId } })).resolves.toBe(0);
    await expect(prisma.apiToken.count({ where: { userId: user.userId } })).resolves.toBe(0);
  });

  describe("tokens", () => {
    it("creates a token whose secret is shown once and stored only as a hash", async () => {
      const user = await createTestUser(harness.deps);
      const { token, secret } = await user.caller.iam.tokens.create({ name: "  backup script " });
      expect(secret).toMatch(/^act_[\w-]{43}$/);
      expect(token).toMatchObject({
        name: "backup script",
        prefix: secret.slice(0, 12),
        lastUsedAt: null,
        expiresAt: null,
      });

      const stored = await harness.database.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
      expect(JSON.stringify(stored)).not.toContain(secret);
      const listed = await user.caller.iam.tokens.list();
      expect(JSON.stringify(listed)).not.toContain(secret);
    });

    it("authenticates with the token, records last use, and stops after revoke", async () => {
      const user = await createTestUser(harness.deps);
      const { token, secret } = await user.caller.iam.tokens.create({ name: "cli" });
      const session = await authenticateApiToken({ db: harness.database.prisma, secret, clock: harness.deps.clock });
      expect(session).toEqual({ userId: user.userId, via: "token", credentialId: token.id });
      const [listed] = (await user.caller.iam.tokens.list()).items;
      expect(listed?.lastUsedAt).toEqual(harness.deps.clock.now());

      await expect(user.caller.iam.tokens.revoke({ id: token.id })).resolves.toEqual({ revoked: true });
      await expect(
        authenticateApiToken({ db: harness.database.prisma, secret, clock: harness.deps.clock }),
      ).resolves.toBeNull();
      const again = await trpcFailure(user.caller.iam.tokens.revoke({ id: token.id }));
      expect(again.code).toBe("NOT_FOUND");
    });

    it("expires a token after expiresInDays", async () => {
      const user = await createTestUser(harness.deps);
      const clock = fixedClock("2026-06-01T09:00:00Z");
      const caller = callerFor({ ...harness.deps, clock }, user.session);
      const { token, secret } = await caller.iam.tokens.create({ name: "short-lived", expiresInDays: 7 });
      expect(token.expiresAt).toEqual(new Date("2026-06-08T09:00:00Z"));
      clock.set("2026-06-08T08:59:59Z");
      await expect(authenticateApiToken({ db: harness.database.prisma, secret, clock })).resolves.not.toBeNull();
      clock.set("2026-06-08T09:00:00Z");
      await expect(authenticateApiToken({ db: harness.database.prisma, secret, clock })).resolves.toBeNull();
    });

    it("lists newest first in pages", async () => {
      const user = await createTestUser(harness.deps);
      for (const name of ["one", "two", "three"]) await user.caller.iam.tokens.create({ name });
      const first = await user.caller.iam.tokens.list({ limit: 2 });
      expect(first.items.map((token) => token.name)).toEqual(["three", "two"]);
      expect(first.nextCursor).not.toBeNull();
      const second = await user.caller.iam.tokens.list({ limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second.items.map((token) => token.name)).toEqual(["one"]);
      expect(second.nextCursor).toBeNull();
    });

    it("rejects a nameless token and an absurd expiry with field errors", async () => {
      const user = await createTestUser(harness.deps);
      const error = await trpcFailure(user.caller.iam.tokens.create({ name: "   ", expiresInDays: 0 }));
      expect(error.code).toBe("BAD_REQUEST");
      const paths = (error.cause as ZodError).issues.map((issue) => issue.path.join("."));
      expect(paths.sort()).toEqual(["expiresInDays", "name"]);
      await expect(user.caller.iam.tokens.list()).resolves.toMatchObject({ items: [] });
    });
  });
});
