import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "./context.ts";
import { createCaller } from "./root.ts";
import { createTestDeps } from "./testing/create-test-deps.ts";
import { createTestUser, type TestUser } from "./testing/test-users.ts";
import { trpcFailure } from "./testing/trpc-failure.ts";

function nested(depth: number): unknown {
  let value: unknown = "deep";
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/**
 * Inputs the Idempotency-Key middleware sees before validation (found by the HTTP fuzz
 * suite): it fingerprinted them with superjson, which throws on keys such as `prototype`,
 * so a create with such a key and the header answered 500 where, without the header, the
 * schema simply drops the key.
 */
describe("Idempotency-Key with inputs the schema would clean up or refuse", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let user: TestUser;
  beforeAll(async () => {
    harness = await createTestDeps();
    user = await createTestUser(harness.deps);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const withKey = (key: string) =>
    createCaller(createContextInner({ deps: harness.deps, session: user.session, idempotencyKey: key })).scheduler
      .areas;

  it.each(["prototype", "constructor", "__proto__"])(
    "creates once with an extra %s key, and a retry replays the first answer",
    async (extra) => {
      const input = JSON.parse(`{"name":"Area with ${extra}","${extra}":{"polluted":true}}`) as { name: string };
      const first = await withKey(`odd-${extra}`).create(input);
      const again = await withKey(`odd-${extra}`).create(input);
      expect(again).toEqual(first);
      const areas = await harness.database.prisma.area.findMany({ where: { userId: user.userId, name: input.name } });
      expect(areas.map((area) => area.id)).toEqual([first.id]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it("refuses an input nested too deep to fingerprint as invalid input, not a server error", async () => {
    const error = await trpcFailure(withKey("odd-deep").create({ name: nested(20_000) as string }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});
