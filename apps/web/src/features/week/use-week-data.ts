import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../trpc.ts";
import { type ProjectLook, toCalendarEvents } from "./calendar-events.ts";
import type { WeekRange } from "./week-types.ts";

/** The most projects one request may list; a person with more sees the rest in the Inbox colour. */
const PROJECT_LIMIT = 200;

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
  // Names and colours of blocks; archived projects too, since their tasks may still have times.
  // Until it loads (or if it fails) blocks show in the Inbox colour: the week itself is still right.
  const projects = useQuery(trpc.scheduler.projects.list.queryOptions({ includeArchived: true, limit: PROJECT_LIMIT }));
  const looks = useMemo(
    () =>
      new Map(
        (projects.data?.items ?? []).map((project) => [project.id, { name: project.name, color: project.color }]),
      ),
    [projects.data],
  );
  const entries = agenda.data?.entries;
  const events = useMemo(
    () => toCalendarEvents(entries ?? [], windows.data ?? [], busy.data ?? [], looks),
    [entries, windows.data, busy.data, looks],
  );
  // The legend names the projects whose colours this week shows.
  const shownProjects = useMemo(() => {
    const shown = new Map<string | null, ProjectLook | null>();
    for (const entry of entries ?? []) {
      if (entry.completed) continue;
      shown.set(entry.projectId, entry.projectId ? (looks.get(entry.projectId) ?? null) : null);
    }
    return [...shown.values()].filter((look): look is ProjectLook => look !== null);
  }, [entries, looks]);
  return {
    events,
    shownProjects,
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
