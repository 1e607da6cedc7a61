import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDeps } from "../../testing/create-test-deps.ts";
import { createTestUser } from "../../testing/test-users.ts";
import { trpcFailure } from "../../testing/trpc-failure.ts";

function fieldsOf(error: TRPCError): string[] {
  expect(error.code).toBe("BAD_REQUEST");
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((issue) => issue.path.join(".")).sort();
}

describe("scheduler.recurrence.preview", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    harness = await createTestDeps();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("previews a rule in the user's zone: canonical rule, English text, ten occurrences by default", async () => {
    const user = await createTestUser(harness.deps);
    await user.caller.iam.updateProfile({ timeZone: "Europe/Berlin" });
    const preview = await user.caller.scheduler.recurrence.preview({
      rule: "RRULE:FREQ=WEEKLY;BYDAY=FR,MO",
      start: new Date("2026-03-23T08:00:00Z"),
    });
    expect(preview.rule).toBe("FREQ=WEEKLY;BYDAY=MO,FR");
    expect(preview.text).toEqual(expect.any(String));
    expect(preview.occurrences).toHaveLength(10);
    // 09:00 in Berlin on both sides of the DST change (29 March 2026).
    expect(preview.occurrences.slice(0, 3)).toEqual([
      new Date("2026-03-23T08:00:00Z"),
      new Date("2026-03-27T08:00:00Z"),
      new Date("2026-03-30T07:00:00Z"),
    ]);
  });

  it("previews a preset in the zone given, as many as asked for", async () => {
    const { caller } = await createTestUser(harness.deps);
    const preview = await caller.scheduler.recurrence.preview({
      preset: { kind: "weekdays" },
      start: new Date("2026-03-23T03:15:00Z"),
      timeZone: "Asia/Kathmandu",
      count: 3,
    });
    expect(preview).toMatchObject({ rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" });
    expect(preview.occurrences).toEqual([
      new Date("2026-03-23T03:15:00Z"),
      new Date("2026-03-24T03:15:00Z"),
      new Date("2026-03-25T03:15:00Z"),
    ]);
  });

  it("needs exactly one of rule and preset", async () => {
    const { caller } = await createTestUser(harness.deps);
    const start = new Date("2026-03-23T08:00:00Z");
    const neither = await trpcFailure(caller.scheduler.recurrence.preview({ start }));
    expect(fieldsOf(neither)).toEqual(["rule"]);
    expect((neither.cause as ZodError).issues[0]?.message).toBe("Enter a rule or pick a preset");
    const both = await trpcFailure(
      caller.scheduler.recurrence.preview({ start, rule: "FREQ=DAILY", preset: { kind: "daily" } }),
    );
    expect(fieldsOf(both)).toEqual(["rule"]);
  });

  it("rejects a malformed rule, an unknown zone and a count outside 1..50 by field", async () => {
    const { caller } = await createTestUser(harness.deps);
    const error = await trpcFailure(
      caller.scheduler.recurrence.preview({
        rule: "FREQ=WEEKLY;BYDAY=XX",
        start: new Date("2026-03-23T08:00:00Z"),
        timeZone: "Nowhere/Land",
        count: 51,
      }),
    );
    expect(fieldsOf(error)).toEqual(["count", "rule", "timeZone"]);
    const zero = await trpcFailure(
      caller.scheduler.recurrence.preview({ rule: "FREQ=DAILY", start: new Date(), count: 0 }),
    );
    expect(fieldsOf(zero)).toEqual(["count"]);
  });
});
