import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { createTwoUsers, type TestUser } from "../testing/test-users.ts";

/**
 * What Alice owns, created once through the API as Alice. Later domains add their
 * rows here (a project, a task, a planner...).
 */
type AliceOwns = { tokenId: string };

async function seedAlice(alice: TestUser): Promise<AliceOwns> {
  const { token } = await alice.caller.iam.tokens.create({ name: "alice's script" });
  return { tokenId: token.id };
}

/**
 * One line per procedure that takes an id: Bob tries it on Alice's row and must get
 * NOT_FOUND, exactly as for an id that does not exist (no hint that it does).
 */
const crossUserAttempts: [string, (bob: TestUser, owns: AliceOwns) => Promise<unknown>][] = [
  ["iam.tokens.revoke", (bob, owns) => bob.caller.iam.tokens.revoke({ id: owns.tokenId })],
];

describe("one user never reaches another's data", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let alice: TestUser;
  let bob: TestUser;
  let owns: AliceOwns;

  beforeAll(async () => {
    harness = await createTestDeps();
    ({ alice, bob } = await createTwoUsers(harness.deps));
    owns = await seedAlice(alice);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it.each(crossUserAttempts)("%s on Alice's id is NOT_FOUND for Bob", async (_path, attempt) => {
    const error = await attempt(bob, owns).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
  });

  it("leaves Alice's data untouched after Bob's attempts", async () => {
    const tokens = await alice.caller.iam.tokens.list();
    expect(tokens.items.map((token) => token.id)).toContain(owns.tokenId);
  });

  it("lists show only the caller's own rows", async () => {
    const bobsTokens = await bob.caller.iam.tokens.list();
    expect(bobsTokens.items).toEqual([]);
    await expect(bob.caller.iam.me()).resolves.toMatchObject({ id: bob.userId });
  });
});
