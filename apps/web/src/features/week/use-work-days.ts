import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../trpc.ts";
import type { WeekRange } from "./week-types.ts";
import { daysWithWork } from "./work-days.ts";

/** The shown week's days with open tasks on them; the same agenda query the calendar uses. */
export function useWorkDays(week: WeekRange, timeZone: string): ReadonlySet<string> {
  const trpc = useTRPC();
  const agenda = useQuery(trpc.scheduler.tasks.agenda.queryOptions({ from: week.from, to: week.to }));
  return useMemo(() => daysWithWork(agenda.data?.entries ?? [], timeZone), [agenda.data, timeZone]);
}
