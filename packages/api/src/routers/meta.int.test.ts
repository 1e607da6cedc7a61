import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../context.ts";
import { createCaller } from "../root.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";

describe("meta router", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const caller = () => createCaller(createContextInner({ deps: harness.deps })).meta;

  it("answers health without a session", async () => {
    await expect(caller().health()).resolves.toEqual({
      status: "ok",
      version: "0.0.0-test",
      uptimeSeconds: 60,
      time: "2026-06-01T09:00:00.000Z",
    });
  });

  it("reports readiness of the database and migrations, including extra probes", async () => {
    await expect(caller().ready()).resolves.toMatchObject({ ready: true });
    const withQueue = createCaller(
      createContextInner({
        deps: { ...harness.deps, readinessProbes: [{ name: "queue", run: () => Promise.reject(new Error("down")) }] },
      }),
    );
    const readiness = await withQueue.meta.ready();
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.find((check) => check.name === "queue")).toMatchObject({ ok: false, detail: "down" });
  });

  it("returns the same instance id on every call", async () => {
    const first = await caller().version();
    const second = await caller().version();
    expect(second.instanceId).toBe(first.instanceId);
  });
});
