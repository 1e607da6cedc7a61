import type { RouterInputs, RouterOutputs } from "@agendacraft/api";

/** A task as every scheduler.tasks procedure returns it. */
export type Task = RouterOutputs["scheduler"]["tasks"]["byId"];

/** One page of `scheduler.tasks.list`: `{ items, nextCursor }`. */
export type TaskPage = RouterOutputs["scheduler"]["tasks"]["list"];

export type TaskListInput = RouterInputs["scheduler"]["tasks"]["list"];

/** A recurrence preset exactly as `scheduler.recurrence.preview` accepts it (the domain's ZRecurrencePreset). */
export type RecurrencePreset = NonNullable<RouterInputs["scheduler"]["recurrence"]["preview"]["preset"]>;
export type RecurrencePresetKind = RecurrencePreset["kind"];

/** One entry of a task's history (`scheduler.tasks.history`): a stable kind and the facts for its sentence. */
export type TaskHistoryEntry = RouterOutputs["scheduler"]["tasks"]["history"]["items"][number];
