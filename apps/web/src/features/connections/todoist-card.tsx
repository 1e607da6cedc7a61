import { useId } from "react";
import { LoadError, Loading } from "../../ui/states.tsx";
import { TodoistConnectForm } from "./todoist-connect-form.tsx";
import { TodoistConnected } from "./todoist-connected.tsx";
import { useTodoistStatus } from "./todoist-use-status.ts";
import { useTodoistSync } from "./todoist-use-sync.ts";

/**
 * Settings → Connections → Todoist: connect with a token (or Todoist's page), then the account,
 * the import's progress and its summary. The status is read every second only while a run goes.
 */
export function TodoistCard() {
  const sync = useTodoistSync();
  const { status, watch } = useTodoistStatus({ syncing: sync.isPending });
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
      <div>
        <h3 id={headingId} className="text-sm font-semibold text-slate-800">
          Todoist
        </h3>
        <p className="text-xs text-slate-600">
          Import your Todoist projects and tasks to plan them into your week, and keep both apps in step.
        </p>
      </div>
      {status.isPending ? (
        <Loading label="Loading Todoist…" />
      ) : status.isError ? (
        <LoadError error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data.connected ? (
        <TodoistConnected status={status.data} sync={sync} onConnected={watch} />
      ) : (
        <TodoistConnectForm oauthAvailable={status.data.oauthAvailable} onConnected={watch} />
      )}
    </section>
  );
}
