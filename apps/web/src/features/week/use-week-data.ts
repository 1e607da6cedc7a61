import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../trpc.ts";
import { toCalendarEvents } from "./calendar-events.ts";
import type { WeekRange } from "./week-types.ts";

/**
 * What the calendar shows for a week: the tasks with a time and the planners' windows,
 * both asked for exactly the shown week. The previous week stays up while the next loads,
 * so paging through weeks does not flash an empty grid.
 */
export function useWeekData(week: WeekRange) {
  const trpc = useTRPC();
  const range = { from: week.from, to: week.to };
  const agenda = useQuery({ ...trpc.scheduler.tasks.agenda.queryOptions(range), placeholderData: keepPreviousData });
  const windows = useQuery({
    ...trpc.scheduler.planners.windows.queryOptions(range),
    placeholderData: keepPreviousData,
  });
  const events = useMemo(
    () => toCalendarEvents(agenda.data?.entries ?? [], windows.data ?? []),
    [agenda.data, windows.data],
  );
  return {
    events,
    isPending: agenda.isPending || windows.isPending,
    isUpdating: agenda.isPlaceholderData || windows.isPlaceholderData,
    error: agenda.error ?? windows.error,
    retry: () => {
      if (agenda.isError) void agenda.refetch();
      if (windows.isError) void windows.refetch();
    },
  };
}
