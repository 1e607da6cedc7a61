import type { Clock } from "../shared/clock.ts";
import type { HealthDto } from "./schemas.ts";

/** Liveness: the process answers. Deliberately touches nothing else. */
export function getHealth({
  clock,
  startedAt,
  version,
}: {
  clock: Clock;
  startedAt: Date;
  version: string;
}): HealthDto {
  const now = clock.now();
  return {
    status: "ok",
    version,
    uptimeSeconds: Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 1000)),
    time: now.toISOString(),
  };
}
