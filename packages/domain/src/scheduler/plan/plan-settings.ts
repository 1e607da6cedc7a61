import { z } from "zod";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { PlanSettingsChanged } from "../events.ts";

export const ZPlanSettings = z.object({
  /** Re-plan automatically (one debounced job) after changes to tasks or planners. */
  autoPlan: z.boolean(),
});
export type PlanSettingsDto = z.infer<typeof ZPlanSettings>;

export function getPlanSettings({ db, actorId }: { db: Db; actorId: string }): Promise<PlanSettingsDto> {
  return db.user.findUniqueOrThrow({ where: { id: actorId }, select: { autoPlan: true } });
}

/** Turns automatic re-planning on or off; records PlanSettingsChanged when the setting changed. */
export function updatePlanSettings({
  db,
  actorId,
  input,
  events,
}: {
  db: Db;
  actorId: string;
  input: PlanSettingsDto;
  events: EventRecorder;
}): Promise<PlanSettingsDto> {
  return withTransaction(db, async (tx) => {
    // Writes only a different value, so a repeat records nothing. Two identical toggles that race
    // record one event: the second waits for the row and re-checks the condition once the first commits.
    const { count } = await tx.user.updateMany({
      where: { id: actorId, autoPlan: { not: input.autoPlan } },
      data: { autoPlan: input.autoPlan },
    });
    if (count > 0) {
      await events.record(tx, [
        newEvent(PlanSettingsChanged, {
          userId: actorId,
          aggregateId: actorId,
          // Users carry no version column: settings have nothing to compare.
          version: 0,
          payload: { autoPlan: input.autoPlan },
        }),
      ]);
    }
    return tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { autoPlan: true } });
  });
}
