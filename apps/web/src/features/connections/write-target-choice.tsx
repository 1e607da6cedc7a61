import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import type { Connection } from "./connection-types.ts";
import { useRefreshCalendars } from "./use-refresh-calendars.ts";

/**
 * Where planned tasks are written: one Google calendar across all of the person's accounts
 * (the server keeps at most one), nowhere, or a new "AgendaCraft" calendar made for it.
 */
export function WriteTargetChoice({ connections }: { connections: Connection[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshCalendars();
  const onError = (error: unknown) => toast.error(describeError(error).message);
  const update = useMutation(trpc.calendars.google.updateCalendar.mutationOptions({ onError, onSettled: refresh }));
  const create = useMutation(
    trpc.calendars.google.createWriteCalendar.mutationOptions({
      onSuccess: () => toast.success("Created the “AgendaCraft” calendar in Google. Plans are written there now."),
      onError,
      onSettled: refresh,
    }),
  );
  const google = connections.filter(
    (connection) => connection.kind === "google" && connection.status !== "needs_reconnect",
  );
  if (google.length === 0) return null;
  const calendars = google.flatMap((connection) =>
    connection.calendars.map((calendar) => ({ ...calendar, account: connection.name })),
  );
  const current = calendars.find((calendar) => calendar.writeTarget);
  const busy = update.isPending || create.isPending;
  // The account is named only when there are several, to tell same-named calendars apart.
  const several = google.length > 1;

  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" disabled={busy}>
      <legend className="px-1 text-sm font-medium text-slate-800">Write planned tasks to</legend>
      <p className="text-xs text-slate-600">
        Each planned task becomes an event there; moving it in Google moves the task after the next sync.
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="radio"
          name="write-target"
          checked={!current}
          onChange={() => current && update.mutate({ id: current.id, writeTarget: false })}
        />
        Nowhere (plans stay in AgendaCraft)
      </label>
      {calendars.map((calendar) => (
        <label
          key={calendar.id}
          className={`flex items-center gap-2 text-sm ${calendar.readOnly ? "text-slate-500" : ""}`}
        >
          <input
            type="radio"
            name="write-target"
            checked={calendar.writeTarget}
            // Shared with the person read-only in Google: the server would refuse it.
            disabled={calendar.readOnly && !calendar.writeTarget}
            aria-describedby={calendar.readOnly ? `read-only-${calendar.id}` : undefined}
            onChange={() => update.mutate({ id: calendar.id, writeTarget: true })}
          />
          {several ? `${calendar.name} (${calendar.account})` : calendar.name}
          {calendar.readOnly ? (
            <span id={`read-only-${calendar.id}`} className="text-xs">
              {calendar.writeTarget
                ? "— read-only in Google now: plans are not written here; choose another calendar"
                : "— read-only in Google: plans cannot be written here"}
            </span>
          ) : null}
        </label>
      ))}
      <div className="flex flex-wrap gap-2">
        {google.map((connection) => (
          <button
            key={connection.id}
            type="button"
            className={buttonClass.secondary}
            onClick={() => create.mutate({ connectionId: connection.id })}
          >
            {create.isPending && create.variables?.connectionId === connection.id
              ? "Creating…"
              : several
                ? `Create an AgendaCraft calendar in ${connection.name}`
                : "Create an AgendaCraft calendar"}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
