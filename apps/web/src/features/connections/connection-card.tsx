import { useState } from "react";
import { buttonClass } from "../../ui/button.ts";
import { CalendarToggles } from "./calendar-toggles.tsx";
import { ConnectGoogleButton } from "./connect-google-button.tsx";
import { canReconnect, connectionProblem, STATUS_WORDS } from "./connection-status.ts";
import type { Connection, ConnectionStatus } from "./connection-types.ts";
import { DisconnectDialog } from "./disconnect-dialog.tsx";
import { timeAgo } from "./relative-time.ts";
import { useSyncConnection } from "./use-sync-connection.ts";

/** Status chips: the words say it, the colour repeats it (each pair at least 4.5:1). */
const STATUS_LOOK: Record<ConnectionStatus, string> = {
  ok: "bg-emerald-50 text-emerald-800 border-emerald-200",
  syncing: "bg-sky-50 text-sky-800 border-sky-200",
  needs_reconnect: "bg-amber-50 text-amber-900 border-amber-300",
  error: "bg-red-50 text-red-800 border-red-200",
};

/**
 * One connection (a Google account or an iCal feed): what state it is in and since when, what
 * went wrong in words, its calendars with their busy toggles, and Sync now, Reconnect, Disconnect.
 */
export function ConnectionCard({ connection }: { connection: Connection }) {
  const [disconnecting, setDisconnecting] = useState(false);
  const sync = useSyncConnection(connection);
  const problem = connectionProblem(connection);
  const kind = connection.kind === "google" ? "Google Calendar" : "iCal address";

  return (
    <li className="flex flex-col gap-2 p-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{connection.name}</span>
            <span className="text-xs text-slate-600">{kind}</span>
            <span className={`rounded border px-1.5 text-xs ${STATUS_LOOK[connection.status]}`}>
              {STATUS_WORDS[connection.status]}
            </span>
          </p>
          <p className="text-xs text-slate-600">
            {connection.lastSyncedAt ? (
              <>
                Last synced{" "}
                <time dateTime={connection.lastSyncedAt.toISOString()} title={connection.lastSyncedAt.toLocaleString()}>
                  {timeAgo(connection.lastSyncedAt)}
                </time>
              </>
            ) : (
              "Not synced yet"
            )}
          </p>
          {problem ? <p className="text-sm text-red-800">{problem}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {canReconnect(connection) ? (
            <ConnectGoogleButton label="Reconnect" ariaLabel={`Reconnect “${connection.name}”`} />
          ) : null}
          <button
            type="button"
            className={buttonClass.secondary}
            aria-label={`Sync “${connection.name}” now`}
            disabled={sync.isPending || connection.status === "needs_reconnect"}
            onClick={sync.sync}
          >
            {sync.isPending ? "Syncing…" : "Sync now"}
          </button>
          <button
            type="button"
            className={buttonClass.ghost}
            aria-label={`Disconnect “${connection.name}”`}
            onClick={() => setDisconnecting(true)}
          >
            Disconnect
          </button>
        </div>
      </div>
      {connection.kind === "google" && connection.calendars.length > 0 ? (
        <ul aria-label={`Calendars of ${connection.name}`} className="divide-y divide-slate-100 pl-1">
          {connection.calendars.map((calendar) => (
            <CalendarToggles key={calendar.id} calendar={calendar} />
          ))}
        </ul>
      ) : null}
      <DisconnectDialog connection={connection} open={disconnecting} onClose={() => setDisconnecting(false)} />
    </li>
  );
}
