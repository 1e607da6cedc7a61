import { onQuery } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerDeps } from "../context.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser, type TestUser } from "../testing/test-users.ts";
import type { ProcedureCall } from "./observe-procedure.ts";
import { currentRequestContext, type RequestContext } from "./request-context.ts";

const MISSING_TASK = "01890000-0000-7000-8000-000000000000";

describe("procedure observation", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let deps: ServerDeps;
  let user: TestUser;
  const calls: ProcedureCall[] = [];

  beforeAll(async () => {
    harness = await createTestDeps();
    deps = { ...harness.deps, metrics: { observeProcedure: (call) => calls.push(call) } };
    user = await createTestUser(deps);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("reports every call by procedure path with its outcome, tRPC code and domain error code", async () => {
    calls.length = 0;
    const caller = callerFor(deps, user.session);
    await caller.meta.health();
    await expect(caller.scheduler.tasks.byId({ id: MISSING_TASK })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.scheduler.tasks.create({ summary: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(deps, null).scheduler.tasks.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const time = expect.any(Number);
    expect(calls).toEqual([
      { path: "meta.health", type: "query", durationMs: time, code: "OK" },
      {
        path: "scheduler.tasks.byId",
        type: "query",
        durationMs: time,
        code: "NOT_FOUND",
        domainCode: "scheduler.task_not_found",
      },
      { path: "scheduler.tasks.create", type: "mutation", durationMs: time, code: "BAD_REQUEST" },
      { path: "scheduler.tasks.list", type: "query", durationMs: time, code: "UNAUTHORIZED" },
    ]);
    for (const call of calls) expect(call.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("runs each call's database work in its request context (path and request id)", async () => {
    const seen: (RequestContext | undefined)[] = [];
    onQuery(harness.database.prisma, () => seen.push(currentRequestContext()));
    const caller = callerFor(deps, user.session);
    await caller.scheduler.tasks.list({});

    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toContainEqual({ path: "scheduler.tasks.list", requestId: "internal" });
    // Outside a procedure there is no request context.
    expect(currentRequestContext()).toBeUndefined();
  });
});
