import { z } from "zod";
import { defineEventType } from "../shared/events/event-type.ts";

// The scheduler's facts. Payloads say what changed; subscribers that need the current
// state read it (events can arrive late, and at least once).

export const ZTaskFields = z.enum([
  "summary",
  "description",
  "priority",
  "minutes",
  "startTime",
  "endTime",
  "dueAt",
  "startAfter",
  "areaId",
  "plannerId",
  "projectId",
  "parentId",
  "labels",
  "recurrence",
  "recurrenceAnchor",
  "order",
]);
export type TaskField = z.infer<typeof ZTaskFields>;

/** Why a change happened: "person" (a request, a script) or "auto_plan" (the re-plan job), so replan never reacts to itself. */
const ZCause = z.enum(["person", "auto_plan"]);

export const TaskCreated = defineEventType(
  "scheduler.task_created",
  z.object({ startTime: z.iso.datetime().nullable(), previousId: z.uuid().nullable() }),
);

export const TaskChanged = defineEventType(
  "scheduler.task_changed",
  z.object({
    fields: z.array(ZTaskFields).min(1),
    /**
     * Where the change was made when not in AgendaCraft: "google" when the person moved,
     * resized or deleted the task's event in Google Calendar (the task's history says so).
     */
    source: z.enum(["google"]).optional(),
  }),
);

export const TaskCompleted = defineEventType("scheduler.task_completed", z.object({ nextId: z.uuid().nullable() }));

export const TaskReopened = defineEventType("scheduler.task_reopened", z.object({}));

export const TaskDeleted = defineEventType("scheduler.task_deleted", z.object({}));

export const PlannerChanged = defineEventType(
  "scheduler.planner_changed",
  z.object({ change: z.enum(["created", "updated", "deleted"]) }),
);

/** A plan run wrote these tasks' starts (aggregate: the run). */
export const PlanCommitted = defineEventType(
  "scheduler.plan_committed",
  z.object({ taskIds: z.array(z.uuid()), cause: ZCause }),
);

/** An undo put these tasks back (aggregate: the run). */
export const PlanUndone = defineEventType("scheduler.plan_undone", z.object({ taskIds: z.array(z.uuid()) }));

/**
 * The person turned automatic re-planning on or off (aggregate: the user). Recorded only when the
 * setting changed. Nothing reacts to it yet: the next task or planner change asks for a re-plan anyway.
 */
export const PlanSettingsChanged = defineEventType(
  "scheduler.plan_settings_changed",
  z.object({ autoPlan: z.boolean() }),
);
