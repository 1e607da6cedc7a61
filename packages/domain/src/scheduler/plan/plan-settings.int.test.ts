import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { createRecordingEvents } from "../../shared/events/create-recording-events.ts";
import { PlanSettingsChanged } from "../events.ts";
import { getPlanSettings, updatePlanSettings, ZPlanSettings } from "./plan-settings.ts";

// The autoPlan setting and the fact it records. What re-planning does with it is in auto-plan.int.test.ts.
describe("plan settings", () => {
  const database = useTestDatabase();

  it("is off by default; each real toggle records PlanSettingsChanged, setting the same value records nothing", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const events = createRecordingEvents();
    const actor = { db: prisma, actorId: user.id };
    const update = (autoPlan: boolean) =>
      updatePlanSettings({ ...actor, input: ZPlanSettings.parse({ autoPlan }), events });

    await expect(getPlanSettings(actor)).resolves.toEqual({ autoPlan: false });
    await expect(update(false)).resolves.toEqual({ autoPlan: false });
    expect(events.recorded).toEqual([]);

    await expect(update(true)).resolves.toEqual({ autoPlan: true });
    await expect(update(true)).resolves.toEqual({ autoPlan: true });
    await expect(update(false)).resolves.toEqual({ autoPlan: false });
    const changed = (autoPlan: boolean) => ({
      type: PlanSettingsChanged,
      userId: user.id,
      aggregateId: user.id,
      version: 0,
      payload: { autoPlan },
    });
    expect(events.recorded).toEqual([changed(true), changed(false)]);
    await expect(getPlanSettings({ db: prisma, actorId: other.id })).resolves.toEqual({ autoPlan: false });
  });
});
