import { describe, expect, it } from "vitest";
import { formatHealthReport } from "./format-health-report.ts";

const health = { status: "ok" as const, version: "0.1.0", uptimeSeconds: 65, time: "2025-01-01T00:01:05.000Z" };

describe("formatHealthReport", () => {
  it("lists each readiness check with its failure detail", () => {
    const lines = formatHealthReport({
      baseUrl: "http://localhost:3000",
      health,
      readiness: {
        status: "fulfilled",
        value: {
          ready: false,
          checks: [
            { name: "database", ok: true, latencyMs: 2 },
            { name: "migrations", ok: false, detail: "pending migrations: 0002_tasks", latencyMs: 4 },
          ],
        },
      },
      instance: {
        status: "fulfilled",
        value: {
          version: "0.1.0",
          instanceId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
          installedAt: "2025-01-01T00:00:00.000Z",
        },
      },
    });

    expect(lines).toEqual([
      "AgendaCraft at http://localhost:3000",
      "  Version    0.1.0",
      "  Uptime     1m 05s",
      "  Instance   0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b (installed 2025-01-01T00:00:00.000Z)",
      "  Ready      no",
      "  Checks",
      "    ok      database    2 ms",
      "    FAILED  migrations  4 ms  pending migrations: 0002_tasks",
    ]);
  });

  it("still reports health when readiness and instance calls failed", () => {
    const lines = formatHealthReport({
      baseUrl: "http://localhost:3000",
      health,
      readiness: { status: "rejected", reason: new Error("Internal server error") },
      instance: { status: "rejected", reason: new Error("Database unavailable\n    at stack") },
    });

    expect(lines.slice(3)).toEqual([
      "  Instance   unavailable (Database unavailable)",
      "  Ready      unknown (Internal server error)",
    ]);
  });
});
