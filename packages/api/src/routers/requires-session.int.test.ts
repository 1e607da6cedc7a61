import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../root.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor } from "../testing/test-users.ts";

/** Procedures anyone may call. Everything else must refuse a caller without a session. */
const PUBLIC_PROCEDURES = new Set(["meta.health", "meta.ready", "meta.version", "iam.authProviders"]);

// Every procedure in the router, found by walking it, so a new one is covered the day it is added.
const allPaths = Object.keys(appRouter._def.procedures).sort();

describe("every procedure outside meta requires a session", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("finds the procedures to check", () => {
    expect(allPaths).toContain("iam.me");
    expect(allPaths).toContain("iam.tokens.create");
  });

  it.each(allPaths.filter((path) => !PUBLIC_PROCEDURES.has(path)))(
    "%s answers UNAUTHORIZED without a session",
    async (path) => {
      const anonymous = callerFor(harness.deps, null) as unknown as Record<string, unknown>;
      const procedure = path
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], anonymous);
      // No input at all: the session check runs before input validation, so this must not reach the service.
      const error = await (procedure as (input?: unknown) => Promise<unknown>)().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("UNAUTHORIZED");
    },
  );

  it.each([...PUBLIC_PROCEDURES])("%s answers without a session", async (path) => {
    const anonymous = callerFor(harness.deps, null) as unknown as Record<
      string,
      Record<string, () => Promise<unknown>>
    >;
    const [domain, verb] = path.split(".") as [string, string];
    await expect(anonymous[domain]?.[verb]?.()).resolves.toBeDefined();
  });
});
