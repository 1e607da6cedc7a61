import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../shared/clock.ts";
import { getInstanceInfo } from "./get-instance-info.ts";

describe("getInstanceInfo", () => {
  const database = useTestDatabase();

  it("mints the instance id once and returns the same one afterwards", async () => {
    const clock = fixedClock("2026-05-01T08:00:00Z");
    const first = await getInstanceInfo({ db: database().prisma, clock, version: "1.0.0" });
    clock.advance(60_000);
    const second = await getInstanceInfo({ db: database().prisma, clock, version: "1.0.1" });
    expect(second.instanceId).toBe(first.instanceId);
    expect(second.installedAt).toBe("2026-05-01T08:00:00.000Z");
    expect(second.version).toBe("1.0.1");
    expect(first.instanceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
  });
});
