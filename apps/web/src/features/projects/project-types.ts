import type { RouterOutputs } from "@agendacraft/api";

export type ProjectItem = RouterOutputs["scheduler"]["projects"]["list"]["items"][number];
export type AreaItem = RouterOutputs["scheduler"]["areas"]["list"]["items"][number];
export type TaskItem = RouterOutputs["scheduler"]["tasks"]["list"]["items"][number];

/** The colors the domain gives new rows when none is picked (prisma/schema.prisma defaults). */
export const DEFAULT_PROJECT_COLOR = "#2563EB";
export const DEFAULT_AREA_COLOR = "#6B7280";

/** "1 task", "7 tasks" */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
