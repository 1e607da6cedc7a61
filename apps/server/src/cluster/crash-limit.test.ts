import { describe, expect, it } from "vitest";
import { createCrashLimit } from "./crash-limit.ts";

describe("createCrashLimit", () => {
  it("allows up to max crashes within the window, and refuses the next", () => {
    let clock = 0;
    const limit = createCrashLimit({ max: 3, windowMs: 60_000, now: () => clock });
    const answers = [];
    for (let crash = 0; crash < 4; crash++) {
      answers.push(limit.allow());
      clock += 1_000;
    }
    expect(answers).toEqual([true, true, true, false]);
  });

  it("forgets crashes older than the window", () => {
    let clock = 0;
    const limit = createCrashLimit({ max: 2, windowMs: 60_000, now: () => clock });
    expect([limit.allow(), limit.allow()]).toEqual([true, true]);
    clock = 60_000;
    expect(limit.allow()).toBe(true);
    expect(limit.allow()).toBe(true);
    expect(limit.allow()).toBe(false);
  });
});
