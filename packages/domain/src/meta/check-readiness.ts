import { listPendingMigrations } from "@agendacraft/db/migrations";
import type { Db } from "../shared/db.ts";
import type { ReadinessCheckDto, ReadinessDto } from "./schemas.ts";

/** A named dependency check: resolves when healthy, throws with the reason otherwise. */
export type ReadinessProbe = { name: string; run(): Promise<void> };

const DEFAULT_TIMEOUT_MS = 3_000;

/**
 * Readiness: can this process serve requests right now? The database must answer and
 * every migration on disk must be applied; callers add probes (e.g. the job queue).
 */
export async function checkReadiness({
  db,
  probes = [],
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: {
  db: Db;
  probes?: ReadinessProbe[];
  timeoutMs?: number;
}): Promise<ReadinessDto> {
  const database: ReadinessProbe = {
    name: "database",
    async run() {
      await db.$queryRawUnsafe("SELECT 1");
    },
  };
  const migrations: ReadinessProbe = {
    name: "migrations",
    async run() {
      const pending = await listPendingMigrations(db);
      if (pending.length > 0) throw new Error(`pending migrations: ${pending.join(", ")}`);
    },
  };

  const checks = await Promise.all([database, migrations, ...probes].map((probe) => runProbe(probe, timeoutMs)));
  return { ready: checks.every((check) => check.ok), checks };
}

async function runProbe(probe: ReadinessProbe, timeoutMs: number): Promise<ReadinessCheckDto> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([probe.run(), timeout]);
    return { name: probe.name, ok: true, latencyMs: elapsed(started) };
  } catch (error) {
    return { name: probe.name, ok: false, detail: describe(error), latencyMs: elapsed(started) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/** One line, no connection strings: driver messages can embed the URL. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n").find((line) => line.trim()) ?? "failed").replace(/\w+:\/\/\S+/g, "<url>").slice(0, 200);
}
