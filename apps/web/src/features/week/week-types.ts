import type { RouterInputs, RouterOutputs } from "@agendacraft/api";

/** `scheduler.tasks.agenda`: what occupies the person's time in a range. */
export type Agenda = RouterOutputs["scheduler"]["tasks"]["agenda"];
export type AgendaEntry = Agenda["entries"][number];

/** `calendars.busy`: events from the person's calendars that make time busy. */
export type BusyEvent = RouterOutputs["calendars"]["busy"][number];

/** One opening of a planner (`scheduler.planners.windows`). */
export type PlannerWindow = RouterOutputs["scheduler"]["planners"]["windows"][number];

export type PlanInput = NonNullable<RouterInputs["scheduler"]["plan"]["preview"]>;
export type PlanPreview = RouterOutputs["scheduler"]["plan"]["preview"];
export type PlanChange = PlanPreview["changes"][number];
export type UnplacedTask = PlanPreview["unplaced"][number];
export type PlanRun = RouterOutputs["scheduler"]["plan"]["runs"][number];
export type UndoPlanResult = RouterOutputs["scheduler"]["plan"]["undo"];

/** The instants [from, to) of a Monday-to-Monday week in the person's zone. */
export type WeekRange = { from: Date; to: Date };
