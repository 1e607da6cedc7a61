import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../shared/clock.ts";
import { DomainError } from "../shared/errors.ts";
import { changePassword } from "./change-password.ts";
import { deleteAccount } from "./delete-account.ts";
import { getMe } from "./get-me.ts";
import { RECENT_SIGN_IN_MINUTES } from "./require-recent-sign-in.ts";
import { ZChangePasswordInput, ZDeleteAccountInput, ZSetPasswordInput, ZUpdateProfileInput } from "./schemas.ts";
import { setPassword } from "./set-password.ts";
import { signOutEverywhere } from "./sign-out-everywhere.ts";
import { createTestAuth, signInAgain, signUpTestUser } from "./testing/sign-up-test-user.ts";
import { authenticateApiToken } from "./tokens/authenticate-api-token.ts";
import { createApiToken } from "./tokens/create-api-token.ts";
import { updateProfile } from "./update-profile.ts";

const clock = fixedClock("2026-06-01T09:00:00Z");
const NEW_PASSWORD = "a new password!";

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const WRONG_PASSWORD = { kind: "INVALID", code: "iam.wrong_password", details: { field: "password" } };

// The business rules of a person's own account (profile, password, sessions, deletion), called the
// way the router calls them. API tokens are in tokens/api-tokens.int.test.ts.
describe("iam account", () => {
  const database = useTestDatabase();

  async function setup(name?: string) {
    const { prisma } = database();
    const auth = createTestAuth(prisma);
    const user = await signUpTestUser(auth, prisma, name);
    const sessionsOf = async (userId: string) =>
      (await prisma.session.findMany({ where: { userId }, select: { id: true } })).map((session) => session.id);
    const canSignIn = (password: string) =>
      signInAgain(auth, { email: user.email, password }).then(
        () => true,
        () => false,
      );
    return { prisma, auth, user, actor: { db: prisma, actorId: user.userId }, sessionsOf, canSignIn };
  }

  describe("profile", () => {
    it("getMe answers the person's own profile, with UTC as the default time zone", async () => {
      const { user, actor } = await setup("Mia");
      await expect(getMe(actor)).resolves.toEqual({
        id: user.userId,
        email: user.email,
        name: "Mia",
        timeZone: "UTC",
        createdAt: expect.any(Date),
        hasPassword: true,
      });
    });

    it("getMe of an account that no longer exists is NOT_FOUND iam.user_not_found", async () => {
      const { prisma, actor } = await setup();
      await prisma.user.delete({ where: { id: actor.actorId } });
      expect(await failure(getMe(actor))).toMatchObject({ kind: "NOT_FOUND", code: "iam.user_not_found" });
    });

    it("updateProfile changes the name (trimmed) and an IANA time zone, and leaves out what is not given", async () => {
      const { actor } = await setup("Mia");
      const updated = await updateProfile({
        ...actor,
        input: ZUpdateProfileInput.parse({ name: "  Renamed  ", timeZone: "Asia/Kathmandu" }),
      });
      expect(updated).toMatchObject({ name: "Renamed", timeZone: "Asia/Kathmandu" });
      await expect(getMe(actor)).resolves.toEqual(updated);

      const renamedOnly = await updateProfile({ ...actor, input: ZUpdateProfileInput.parse({ name: "Mia again" }) });
      expect(renamedOnly).toMatchObject({ name: "Mia again", timeZone: "Asia/Kathmandu" });
    });
  });

  describe("changePassword", () => {
    it("refuses a wrong current password with iam.wrong_password and changes nothing", async () => {
      const { auth, user, prisma, sessionsOf, canSignIn } = await setup();
      await signInAgain(auth, user);
      const before = await sessionsOf(user.userId);
      const error = await failure(
        changePassword({
          db: prisma,
          session: user.session,
          input: ZChangePasswordInput.parse({ current: "not my password", next: NEW_PASSWORD }),
        }),
      );
      expect(error).toMatchObject(WRONG_PASSWORD);
      await expect(sessionsOf(user.userId)).resolves.toEqual(before);
      await expect(canSignIn(user.password)).resolves.toBe(true);
      await expect(canSignIn(NEW_PASSWORD)).resolves.toBe(false);
    });

    it("sets the new password and signs out every other browser session, keeping the caller's", async () => {
      const { auth, user, prisma, sessionsOf, canSignIn } = await setup();
      await signInAgain(auth, user);
      await signInAgain(auth, user);
      const other = await setup();

      const result = await changePassword({
        db: prisma,
        session: user.session,
        input: ZChangePasswordInput.parse({ current: user.password, next: NEW_PASSWORD }),
      });
      expect(result).toEqual({ revokedSessions: 2 });
      await expect(sessionsOf(user.userId)).resolves.toEqual([user.session.credentialId]);
      await expect(sessionsOf(other.user.userId)).resolves.toEqual([other.user.session.credentialId]);
      await expect(canSignIn(user.password)).resolves.toBe(false);
      await expect(canSignIn(NEW_PASSWORD)).resolves.toBe(true);
    });

    it("from an API token, signs out every browser session (a token has none to keep)", async () => {
      const { user, prisma, sessionsOf } = await setup();
      const { token } = await createApiToken({ db: prisma, actorId: user.userId, input: { name: "cli" }, clock });
      const result = await changePassword({
        db: prisma,
        session: { userId: user.userId, via: "token", credentialId: token.id },
        input: ZChangePasswordInput.parse({ current: user.password, next: NEW_PASSWORD }),
      });
      expect(result).toEqual({ revokedSessions: 1 });
      await expect(sessionsOf(user.userId)).resolves.toEqual([]);
    });

    it("leaves API tokens working (they are revoked one by one, as the README says)", async () => {
      const { user, prisma } = await setup();
      const { token, secret } = await createApiToken({
        db: prisma,
        actorId: user.userId,
        input: { name: "nightly export" },
        clock,
      });
      await changePassword({
        db: prisma,
        session: user.session,
        input: ZChangePasswordInput.parse({ current: user.password, next: NEW_PASSWORD }),
      });
      await expect(authenticateApiToken({ db: prisma, secret, clock })).resolves.toEqual({
        userId: user.userId,
        via: "token",
        credentialId: token.id,
      });
    });
  });

  it("signOutEverywhere ends every browser session of the person, the caller's included, and no one else's", async () => {
    const { auth, user, actor, sessionsOf } = await setup();
    const other = await setup();
    await signInAgain(auth, user);
    await expect(signOutEverywhere(actor)).resolves.toEqual({ revokedSessions: 2 });
    await expect(sessionsOf(user.userId)).resolves.toEqual([]);
    await expect(sessionsOf(other.user.userId)).resolves.toEqual([other.user.session.credentialId]);
    await expect(signOutEverywhere(actor)).resolves.toEqual({ revokedSessions: 0 });
  });

  describe("deleteAccount", () => {
    it("refuses a wrong password with iam.wrong_password and keeps the account", async () => {
      const { prisma, actor, canSignIn, user } = await setup();
      const error = await failure(
        deleteAccount({ db: prisma, session: user.session, input: ZDeleteAccountInput.parse({ password: "nope" }) }),
      );
      expect(error).toMatchObject(WRONG_PASSWORD);
      await expect(prisma.user.count({ where: { id: actor.actorId } })).resolves.toBe(1);
      await expect(canSignIn(user.password)).resolves.toBe(true);
    });

    it("removes the person with their sessions, password and tokens, and nobody else's", async () => {
      const { prisma, actor, user, auth } = await setup();
      const other = await setup();
      await signInAgain(auth, user);
      await createApiToken({ ...actor, input: { name: "script" }, clock });
      await createApiToken({ db: prisma, actorId: other.user.userId, input: { name: "script" }, clock });

      await expect(
        deleteAccount({
          db: prisma,
          session: user.session,
          input: ZDeleteAccountInput.parse({ password: user.password }),
        }),
      ).resolves.toEqual({ deleted: true });
      const owned = { where: { userId: user.userId } };
      await expect(prisma.user.count({ where: { id: user.userId } })).resolves.toBe(0);
      await expect(prisma.session.count(owned)).resolves.toBe(0);
      await expect(prisma.account.count(owned)).resolves.toBe(0);
      await expect(prisma.apiToken.count(owned)).resolves.toBe(0);

      const others = { where: { userId: other.user.userId } };
      await expect(prisma.user.count({ where: { id: other.user.userId } })).resolves.toBe(1);
      await expect(prisma.session.count(others)).resolves.toBe(1);
      await expect(prisma.account.count(others)).resolves.toBe(1);
      await expect(prisma.apiToken.count(others)).resolves.toBe(1);
    });

    it("refuses the email confirmation from an account that has a password", async () => {
      const { prisma, user } = await setup();
      const input = ZDeleteAccountInput.parse({ confirmEmail: user.email });
      const error = await failure(deleteAccount({ db: prisma, session: user.session, input }));
      expect(error).toMatchObject(WRONG_PASSWORD);
      await expect(prisma.user.count({ where: { id: user.userId } })).resolves.toBe(1);
    });
  });

  // An account made with "Continue with Google" has no credential account: sign up, then take
  // the password away, which leaves exactly what Google sign-in leaves.
  describe("an account without a password", () => {
    async function withoutPassword() {
      const context = await setup();
      await context.prisma.account.deleteMany({ where: { userId: context.user.userId, providerId: "credential" } });
      return context;
    }
    const signedInAgo = (prisma: Awaited<ReturnType<typeof setup>>["prisma"], id: string, minutes: number) =>
      prisma.session.update({ where: { id }, data: { createdAt: new Date(Date.now() - minutes * 60_000) } });

    it("getMe says it has none; setPassword gives it one to sign in with, once", async () => {
      const { prisma, actor, user, canSignIn } = await withoutPassword();
      await expect(getMe(actor)).resolves.toMatchObject({ hasPassword: false });
      await expect(canSignIn(NEW_PASSWORD)).resolves.toBe(false);

      const input = ZSetPasswordInput.parse({ password: NEW_PASSWORD });
      await expect(setPassword({ db: prisma, session: user.session, input })).resolves.toEqual({ set: true });
      await expect(getMe(actor)).resolves.toMatchObject({ hasPassword: true });
      await expect(canSignIn(NEW_PASSWORD)).resolves.toBe(true);
      // The caller's session stays.
      await expect(prisma.session.count({ where: { id: user.session.credentialId } })).resolves.toBe(1);

      const again = await failure(setPassword({ db: prisma, session: user.session, input }));
      expect(again).toMatchObject({ kind: "CONFLICT", code: "iam.password_already_set" });
    });

    it("setPassword needs a browser session that signed in a moment ago, not an old one or an API token", async () => {
      const { prisma, actor, user } = await withoutPassword();
      const input = ZSetPasswordInput.parse({ password: NEW_PASSWORD });
      const token = await createApiToken({ ...actor, input: { name: "script" }, clock });
      const viaToken = { userId: user.userId, via: "token" as const, credentialId: token.token.id };
      const RECENT = { kind: "FORBIDDEN", code: "iam.recent_sign_in_required" };
      expect(await failure(setPassword({ db: prisma, session: viaToken, input }))).toMatchObject(RECENT);
      await signedInAgo(prisma, user.session.credentialId, RECENT_SIGN_IN_MINUTES + 1);
      expect(await failure(setPassword({ db: prisma, session: user.session, input }))).toMatchObject(RECENT);
      await expect(getMe(actor)).resolves.toMatchObject({ hasPassword: false });
    });

    it("deleteAccount is confirmed by typing the account's email, removing the person's data", async () => {
      const { prisma, user } = await withoutPassword();
      const other = await setup();
      await prisma.task.create({ data: { userId: user.userId, summary: "Mine", minutes: 30, order: 1 } });

      const mismatch = await failure(
        deleteAccount({
          db: prisma,
          session: user.session,
          input: ZDeleteAccountInput.parse({ confirmEmail: other.user.email }),
        }),
      );
      expect(mismatch).toMatchObject({
        kind: "INVALID",
        code: "iam.confirmation_mismatch",
        details: { field: "confirmEmail" },
      });
      await expect(prisma.user.count({ where: { id: user.userId } })).resolves.toBe(1);

      const input = ZDeleteAccountInput.parse({ confirmEmail: ` ${user.email.toUpperCase()} ` });
      await expect(deleteAccount({ db: prisma, session: user.session, input })).resolves.toEqual({ deleted: true });
      await expect(prisma.user.count({ where: { id: user.userId } })).resolves.toBe(0);
      await expect(prisma.task.count({ where: { userId: user.userId } })).resolves.toBe(0);
      await expect(prisma.session.count({ where: { userId: user.userId } })).resolves.toBe(0);
      await expect(prisma.user.count({ where: { id: other.user.userId } })).resolves.toBe(1);
    });

    it("deleteAccount by email needs a recent sign-in", async () => {
      const { prisma, user } = await withoutPassword();
      await signedInAgo(prisma, user.session.credentialId, RECENT_SIGN_IN_MINUTES + 1);
      const input = ZDeleteAccountInput.parse({ confirmEmail: user.email });
      expect(await failure(deleteAccount({ db: prisma, session: user.session, input }))).toMatchObject({
        kind: "FORBIDDEN",
        code: "iam.recent_sign_in_required",
      });
      await expect(prisma.user.count({ where: { id: user.userId } })).resolves.toBe(1);
    });
  });
});
