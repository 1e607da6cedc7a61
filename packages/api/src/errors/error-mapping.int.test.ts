import { DomainError } from "@agendacraft/domain/shared";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createContextInner } from "../context.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc.ts";
import { GENERIC_INTERNAL_MESSAGE } from "./to-trpc-error.ts";

// Procedures that fail in each way a real one can, served through tRPC's own HTTP
// handler so the response bodies are exactly what clients receive.
const failingRouter = createTRPCRouter({
  domain: publicProcedure.query(() => {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.start_in_past",
      message: "The start time is in the past.",
      details: { field: "startTime" },
    });
  }),
  validated: publicProcedure
    .input(z.object({ summary: z.string().trim().min(1, "Enter a summary"), minutes: z.number().int().max(480) }))
    .mutation(({ input }) => input),
  duplicate: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.db.appMeta.create({ data: { key: "same", value: "1" } });
    await ctx.db.appMeta.create({ data: { key: "same", value: "2" } });
  }),
  missing: publicProcedure.mutation(({ ctx }) => ctx.db.appMeta.delete({ where: { key: "nope" } })),
  // A write naming a row that is gone (a planner deleted between check and insert): P2003.
  dangling: publicProcedure.mutation(({ ctx }) =>
    ctx.db.task.create({ data: { userId: "00000000-0000-7000-8000-00000000dead", summary: "x", order: 1 } }),
  ),
  crash: publicProcedure.query(async ({ ctx }) => {
    await ctx.db.$queryRawUnsafe("SELECT secret_column FROM users_of_someone_else");
  }),
  private: protectedProcedure.query(({ ctx }) => ctx.session.userId),
});

describe("error mapping and formatting over HTTP", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function call(path: string, input?: unknown, method: "GET" | "POST" = "GET") {
    const base = `http://test/trpc/${path}`;
    const encoded = input === undefined ? undefined : JSON.stringify(superjson.serialize(input));
    const request =
      method === "GET"
        ? new Request(encoded ? `${base}?input=${encodeURIComponent(encoded)}` : base)
        : new Request(base, { method: "POST", body: encoded ?? "{}", headers: { "content-type": "application/json" } });
    const response = await fetchRequestHandler({
      endpoint: "/trpc",
      req: request,
      router: failingRouter,
      createContext: () => createContextInner({ deps: harness.deps, requestId: "req-7" }),
    });
    const body = (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
    return { status: response.status, error: body.error.json };
  }

  it("maps a DomainError to its tRPC code and exposes its stable code and details", async () => {
    const { status, error } = await call("domain");
    expect(status).toBe(400);
    expect(error.message).toBe("The start time is in the past.");
    expect(error.data).toMatchObject({
      code: "BAD_REQUEST",
      domainError: { kind: "INVALID", code: "scheduler.start_in_past", details: { field: "startTime" } },
      zodError: null,
    });
  });

  it("puts invalid input's field errors in data.zodError", async () => {
    const { status, error } = await call("validated", { summary: "   ", minutes: 900 }, "POST");
    expect(status).toBe(400);
    expect(error.data.domainError).toBeNull();
    expect(error.data.zodError).toMatchObject({
      fieldErrors: { summary: ["Enter a summary"], minutes: [expect.stringContaining("480")] },
    });
  });

  it("maps a unique-constraint violation to CONFLICT and a vanished row to NOT_FOUND", async () => {
    const conflict = await call("duplicate", undefined, "POST");
    expect(conflict.status).toBe(409);
    expect(conflict.error.data).toMatchObject({ code: "CONFLICT", domainError: { code: "common.already_exists" } });

    const missing = await call("missing", undefined, "POST");
    expect(missing.status).toBe(404);
    expect(missing.error.data).toMatchObject({ code: "NOT_FOUND", domainError: { code: "common.not_found" } });
  });

  it("maps a foreign-key failure (P2003) to common.reference_not_found, never a 500", async () => {
    const dangling = await call("dangling", undefined, "POST");
    expect(dangling.status).toBe(404);
    expect(dangling.error.message).toBe("Something this refers to does not exist or was deleted.");
    expect(dangling.error.data).toMatchObject({
      code: "NOT_FOUND",
      domainError: { code: "common.reference_not_found", details: { field: "userId" } },
    });
  });

  it("hides unexpected failures behind a generic message and logs them with the request id", async () => {
    const { status, error } = await call("crash");
    expect(status).toBe(500);
    expect(error.message).toBe(GENERIC_INTERNAL_MESSAGE);
    const serialized = JSON.stringify(error);
    expect(serialized).not.toMatch(/secret_column|users_of_someone_else|stack|at .*\.ts/);
    expect(error.data).not.toHaveProperty("stack");

    const logged = harness.log.entries.find((entry) => entry.level === "error");
    expect(logged?.object).toMatchObject({ requestId: "req-7", path: "crash" });
    const loggedError = (logged?.object as { err?: Error } | undefined)?.err;
    expect(String(loggedError)).toContain("users_of_someone_else");
  });

  it("rejects a protected procedure without a session as UNAUTHORIZED", async () => {
    const { status, error } = await call("private");
    expect(status).toBe(401);
    expect(error.data).toMatchObject({ code: "UNAUTHORIZED", domainError: null });
  });
});
