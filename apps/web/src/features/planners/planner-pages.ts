import type { PlannerItem } from "./planner-form-values.ts";

/** One input for every planners list query, so optimistic changes hit the cache the page reads. */
export const PLANNERS_PAGE_INPUT = { limit: 100 } as const;

type Pages<P extends { items: PlannerItem[] }> = { pages: P[]; pageParams: unknown[] };

/** The cached pages with `change` applied to one planner (for the optimistic "active" toggle). */
export function mapPlanner<P extends { items: PlannerItem[] }, T extends Pages<P>>(
  data: T | undefined,
  id: string,
  change: (planner: PlannerItem) => PlannerItem,
): T | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((planner) => (planner.id === id ? change(planner) : planner)),
    })),
  };
}
