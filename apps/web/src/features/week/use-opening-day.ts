import { useQuery } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useMemo } from "react";
import { useTRPC } from "../../trpc.ts";
import { openingDay } from "./work-days.ts";

/**
 * The next working day (see openingDay), or null while the planners' windows load or when
 * not `enabled`. The range starts at today's midnight, so the query stays the same all day.
 */
export function useOpeningDay(timeZone: string, enabled: boolean): string | null {
  const trpc = useTRPC();
  const today = DateTime.now().setZone(timeZone).startOf("day");
  const todayKey = today.toISODate();
  const range = useMemo(() => {
    const start = DateTime.fromISO(todayKey ?? "", { zone: timeZone });
    return { from: start.toJSDate(), to: start.plus({ days: 8 }).toJSDate() };
  }, [todayKey, timeZone]);
  const windows = useQuery({ ...trpc.scheduler.planners.windows.queryOptions(range), enabled });
  if (!enabled || !windows.data) return null;
  return openingDay(windows.data, new Date(), timeZone);
}
