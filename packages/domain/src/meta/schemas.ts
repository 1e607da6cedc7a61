import { z } from "zod";

export const ZHealth = z.object({
  status: z.literal("ok"),
  version: z.string(),
  uptimeSeconds: z.number().int().nonnegative(),
  time: z.iso.datetime(),
});
export type HealthDto = z.infer<typeof ZHealth>;

export const ZReadinessCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  /** Why a check failed, fit for an operator; never credentials. */
  detail: z.string().optional(),
  latencyMs: z.number().int().nonnegative(),
});
export type ReadinessCheckDto = z.infer<typeof ZReadinessCheck>;

export const ZReadiness = z.object({
  ready: z.boolean(),
  checks: z.array(ZReadinessCheck),
});
export type ReadinessDto = z.infer<typeof ZReadiness>;

export const ZInstanceInfo = z.object({
  version: z.string(),
  instanceId: z.uuid(),
  installedAt: z.iso.datetime(),
});
export type InstanceInfoDto = z.infer<typeof ZInstanceInfo>;
