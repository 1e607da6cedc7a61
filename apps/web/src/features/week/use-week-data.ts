import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../trpc.ts";
import { toCalendarEvents } from "./calendar-events.ts";
import type { WeekRange } from "./week-types.ts";

/**
 * What the calendar shows for a week: the tasks with a time, the planners' windows and the
 * busy events of the person's calendars, each asked for exactly the shown week. The previous week stays up while the next loads,
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
  const busy = useQuery({ ...trpc.calendars.busy.queryOptions(range), placeholderData: keepPreviousData });
  const events = useMemo(
    () => toCalendarEvents(agenda.data?.entries ?? [], windows.data ?? [], busy.data?.events ?? []),
    [agenda.data, windows.data, busy.data],
  );
  return {
    events,
    isPending: agenda.isPending || windows.isPending || busy.isPending,
    isUpdating: agenda.isPlaceholderData || windows.isPlaceholderData || busy.isPlaceholderData,
    error: agenda.error ?? windows.error ?? busy.error,
    retry: () => {
      if (agenda.isError) void agenda.refetch();
      if (windows.isError) void windows.refetch();
      if (busy.isError) void busy.refetch();
    },
  };
}
