import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import type { ConnectionCalendar } from "./connection-types.ts";
import { useRefreshCalendars } from "./use-refresh-calendars.ts";

/**
 * One Google calendar of a connection: its colour and name, whether its events count as busy
 * time for the planner, and whether its all-day events do.
 */
export function CalendarToggles({ calendar }: { calendar: ConnectionCalendar }) {
  const trpc = useTRPC();
  const refresh = useRefreshCalendars();
  const update = useMutation(
    trpc.calendars.google.updateCalendar.mutationOptions({
      onError: (error) => toast.error(describeError(error).message),
      onSettled: refresh,
    }),
  );
  const checkbox = "h-4 w-4 rounded border-slate-400";
  return (
    <li className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
      <span className="flex min-w-0 items-center gap-2">
        <span
          aria-hidden="true"
          className="inline-block h-3 w-3 shrink-0 rounded-full border border-slate-300"
          style={{ backgroundColor: calendar.color ?? "#94a3b8" }}
        />
        <span className="truncate text-sm">{calendar.name}</span>
        {calendar.writeTarget ? (
          <span className="rounded bg-indigo-50 px-1.5 text-xs text-indigo-800">plans are written here</span>
        ) : null}
      </span>
      <span className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            className={checkbox}
            checked={calendar.busy}
            disabled={update.isPending}
            aria-label={`“${calendar.name}” counts as busy`}
            onChange={(event) => update.mutate({ id: calendar.id, busy: event.target.checked })}
          />
          Counts as busy
        </label>
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            className={checkbox}
            checked={calendar.allDayBusy}
            disabled={update.isPending || !calendar.busy}
            aria-label={`All-day events of “${calendar.name}” count as busy`}
            onChange={(event) => update.mutate({ id: calendar.id, allDayBusy: event.target.checked })}
          />
          All-day events too
        </label>
      </span>
    </li>
  );
}
