import { z } from "zod";
import type { Db } from "../../shared/db.ts";

export const ZPlanSettings = z.object({
  /** Re-plan automatically (one debounced job) after changes to tasks or planners. */
  autoPlan: z.boolean(),
});
export type PlanSettingsDto = z.infer<typeof ZPlanSettings>;

export function getPlanSettings({ db, actorId }: { db: Db; actorId: string }): Promise<PlanSettingsDto> {
  return db.user.findUniqueOrThrow({ where: { id: actorId }, select: { autoPlan: true } });
}

export function updatePlanSettings({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: PlanSettingsDto;
}): Promise<PlanSettingsDto> {
  return db.user.update({ where: { id: actorId }, data: { autoPlan: input.autoPlan }, select: { autoPlan: true } });
}
