import { useState } from "react";
import { buttonClass } from "../../ui/button.ts";
import { timeAgo } from "./relative-time.ts";
import { TodoistConnectForm } from "./todoist-connect-form.tsx";
import { TodoistDisconnectDialog } from "./todoist-disconnect-dialog.tsx";
import { TodoistProgress } from "./todoist-progress.tsx";
import { TodoistResultSummary } from "./todoist-result-summary.tsx";
import type { TodoistStatus } from "./todoist-types.ts";
import { TodoistUnmappedList } from "./todoist-unmapped-list.tsx";

type Look = { words: string; className: string };

/** The chip beside the account: the words say it, the colour repeats it (as on Google's cards). */
function stateOf(status: TodoistStatus): Look {
  if (status.needsReconnect)
    return { words: "Needs reconnecting", className: "bg-amber-50 text-amber-900 border-amber-300" };
  if (status.running) return { words: "Syncing…", className: "bg-sky-50 text-sky-800 border-sky-200" };
  if (status.lastError) return { words: "Last sync failed", className: "bg-red-50 text-red-800 border-red-200" };
  return { words: "Connected", className: "bg-emerald-50 text-emerald-800 border-emerald-200" };
}

type TodoistConnectedProps = {
  status: TodoistStatus;
  sync: { isPending: boolean; sync: () => void };
  /** Called after a reconnect, to watch for the run it queues. */
  onConnected: () => void;
};

/**
 * A connected Todoist account: who, when it last synced, what went wrong in words, the run in
 * progress, what the last run did and the repeats it could not plan; Sync now and Disconnect.
 */
export function TodoistConnected({ status, sync, onConnected }: TodoistConnectedProps) {
  const [disconnecting, setDisconnecting] = useState(false);
  const state = stateOf(status);
  const account = status.account ? `${status.account.name} (${status.account.email})` : "Todoist account";
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{account}</span>
            <span className={`rounded border px-1.5 text-xs ${state.className}`}>{state.words}</span>
          </p>
          <p className="text-xs text-slate-600">
            {status.lastSyncedAt ? (
              <>
                Last synced{" "}
                <time dateTime={status.lastSyncedAt.toISOString()} title={status.lastSyncedAt.toLocaleString()}>
                  {timeAgo(status.lastSyncedAt)}
                </time>
              </>
            ) : (
              "Not synced yet"
            )}
          </p>
          {status.lastError ? <p className="text-sm text-red-800">{status.lastError}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={sync.isPending || status.running !== null || status.needsReconnect}
            onClick={sync.sync}
          >
            {sync.isPending || status.running ? "Syncing…" : "Sync now"}
          </button>
          <button type="button" className={buttonClass.ghost} onClick={() => setDisconnecting(true)}>
            Disconnect
          </button>
        </div>
      </div>
      {status.needsReconnect ? (
        <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm text-amber-900">
            Todoist no longer accepts AgendaCraft's access (the token was revoked or replaced). Reconnect to resume
            syncing; nothing syncs until then.
          </p>
          <TodoistConnectForm
            oauthAvailable={status.oauthAvailable}
            submitLabel="Reconnect"
            onConnected={onConnected}
          />
        </div>
      ) : null}
      {status.running ? <TodoistProgress running={status.running} /> : null}
      {status.lastResult ? <TodoistResultSummary result={status.lastResult} /> : null}
      <TodoistUnmappedList unmapped={status.unmapped} />
      <TodoistDisconnectDialog open={disconnecting} onClose={() => setDisconnecting(false)} />
    </div>
  );
}
