import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import { fixedClock } from "../../shared/clock.ts";
import { DomainError } from "../../shared/errors.ts";
import { newId } from "../../shared/ids.ts";
import { ZCreateApiTokenInput, ZListApiTokensInput } from "../schemas.ts";
import { authenticateApiToken } from "./authenticate-api-token.ts";
import { createApiToken } from "./create-api-token.ts";
import { listApiTokens } from "./list-api-tokens.ts";
import { revokeApiToken } from "./revoke-api-token.ts";

const NOW = new Date("2026-06-01T09:00:00Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const TOKEN_NOT_FOUND = { kind: "NOT_FOUND", code: "iam.token_not_found" };

// The business rules of personal API tokens, called the way the router calls them.
describe("iam api tokens", () => {
  const database = useTestDatabase();

  async function setup() {
    const { prisma } = database();
    // Tokens need no password: a bare user row keeps the scrypt cost of a sign-up out of these tests.
    const { id: userId } = await prisma.user.create({
      data: { name: "Mia", email: `mia-${newId()}@example.com` },
      select: { id: true },
    });
    const user = { userId };
    const clock = fixedClock(NOW);
    const actor = { db: prisma, actorId: user.userId };
    // Inputs go through the same schemas the router applies, so trimming and defaults are real.
    const create = (raw: Parameters<typeof ZCreateApiTokenInput.parse>[0]) =>
      createApiToken({ ...actor, input: ZCreateApiTokenInput.parse(raw), clock });
    const list = (raw?: Parameters<typeof ZListApiTokensInput.parse>[0]) =>
      listApiTokens({ ...actor, input: ZListApiTokensInput.parse(raw) });
    const revoke = (id: string) => revokeApiToken({ ...actor, input: { id } });
    const authenticate = (secret: string) => authenticateApiToken({ db: prisma, secret, clock });
    return { prisma, user, clock, create, list, revoke, authenticate };
  }

  it("creates a token whose secret is shown once and stored only as a hash", async () => {
    const { prisma, create, list } = await setup();
    const { token, secret } = await create({ name: "  backup script " });
    expect(secret).toMatch(/^act_[\w-]{43}$/);
    expect(token).toEqual({
      id: expect.any(String),
      name: "backup script",
      prefix: secret.slice(0, 12),
      createdAt: NOW,
      lastUsedAt: null,
      expiresAt: null,
    });

    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await list();
    expect(listed.items).toEqual([token]);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it("authenticates as its owner, records last use to the minute, and stops after revoke", async () => {
    const { user, clock, create, list, revoke, authenticate } = await setup();
    const { token, secret } = await create({ name: "cli" });
    await expect(authenticate(secret)).resolves.toEqual({ userId: user.userId, via: "token", credentialId: token.id });
    const lastUsed = async () => (await list()).items[0]?.lastUsedAt;
    await expect(lastUsed()).resolves.toEqual(NOW);

    // Within a minute the stored time stays (no write per request); after it, it moves.
    clock.advance(30 * SECOND);
    await authenticate(secret);
    await expect(lastUsed()).resolves.toEqual(NOW);
    clock.advance(MINUTE);
    await authenticate(secret);
    await expect(lastUsed()).resolves.toEqual(clock.now());

    await expect(revoke(token.id)).resolves.toEqual({ revoked: true });
    await expect(authenticate(secret)).resolves.toBeNull();
    expect(await failure(revoke(token.id))).toMatchObject(TOKEN_NOT_FOUND);
  });

  it("authenticates no one with an unknown secret or one without the token prefix", async () => {
    const { create, authenticate } = await setup();
    const { secret } = await create({ name: "cli" });
    await expect(authenticate(`${secret.slice(0, -1)}x`)).resolves.toBeNull();
    await expect(authenticate(secret.slice(4))).resolves.toBeNull();
    await expect(authenticate("")).resolves.toBeNull();
  });

  it("one person cannot revoke another's token: NOT_FOUND, and the token keeps working", async () => {
    const owner = await setup();
    const stranger = await setup();
    const { token, secret } = await owner.create({ name: "owner's script" });
    expect(await failure(stranger.revoke(token.id))).toMatchObject(TOKEN_NOT_FOUND);
    expect(await failure(stranger.revoke(newId()))).toMatchObject(TOKEN_NOT_FOUND);
    await expect(owner.authenticate(secret)).resolves.toMatchObject({ userId: owner.user.userId });
    await expect(stranger.list()).resolves.toEqual({ items: [], nextCursor: null });
  });

  it("expires a token expiresInDays after its creation, to the second", async () => {
    const { clock, create, authenticate } = await setup();
    const { token, secret } = await create({ name: "short-lived", expiresInDays: 7 });
    expect(token.expiresAt).toEqual(new Date("2026-06-08T09:00:00Z"));
    clock.set("2026-06-08T08:59:59Z");
    await expect(authenticate(secret)).resolves.not.toBeNull();
    clock.set("2026-06-08T09:00:00Z");
    await expect(authenticate(secret)).resolves.toBeNull();
  });

  it("lists the person's own tokens newest first, in pages", async () => {
    const { create, list } = await setup();
    const other = await setup();
    await other.create({ name: "not mine" });
    for (const name of ["one", "two", "three"]) await create({ name });
    const first = await list({ limit: 2 });
    expect(first.items.map((token) => token.name)).toEqual(["three", "two"]);
    expect(first.nextCursor).toBe(first.items[1]?.id);
    const second = await list({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second).toEqual({ items: [expect.objectContaining({ name: "one" })], nextCursor: null });
  });

  it(`refuses token number ${ACCOUNT_LIMITS.apiTokens + 1} with iam.too_many_tokens, expired ones counting, until one is revoked`, async () => {
    const { prisma, user, create, revoke } = await setup();
    // Written straight to the table up to one short of the limit: creating them one by one would only be slow.
    await prisma.apiToken.createMany({
      data: Array.from({ length: ACCOUNT_LIMITS.apiTokens - 1 }, (_, i) => ({
        userId: user.userId,
        name: `Script ${i}`,
        prefix: "act_xxxxxxxx",
        tokenHash: randomUUID(),
        expiresAt: i === 0 ? new Date("2026-01-01T00:00:00Z") : null,
      })),
    });
    const { token } = await create({ name: "The last one" });
    const error = await failure(create({ name: "One too many" }));
    expect(error).toMatchObject({
      kind: "CONFLICT",
      code: "iam.too_many_tokens",
      details: { max: ACCOUNT_LIMITS.apiTokens },
    });
    expect(error.message).toContain(String(ACCOUNT_LIMITS.apiTokens));
    await expect(prisma.apiToken.count({ where: { userId: user.userId } })).resolves.toBe(ACCOUNT_LIMITS.apiTokens);

    await revoke(token.id);
    await expect(create({ name: "Room again" })).resolves.toMatchObject({ token: { name: "Room again" } });
  });
});
