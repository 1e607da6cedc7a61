import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";
import { EmptyState, LoadError, Loading } from "../../ui/states.tsx";
import { ConnectionCard } from "./connection-card.tsx";
import type { Connection } from "./connection-types.ts";
import { WriteTargetChoice } from "./write-target-choice.tsx";

/**
 * A sync in progress (or the first one, queued when an account is connected) is shown as it
 * happens: the list is read again every few seconds meanwhile.
 */
const WHILE_SYNCING_REFETCH_MS = 3_000;

const awaitingSync = (connection: Connection) =>
  connection.status === "syncing" || (connection.status === "ok" && connection.lastSyncedAt === null);

/**
 * Every connection of the person (Google accounts and iCal feeds) and where plans are written.
 * The empty state names Google only when the server offers it.
 */
export function ConnectionList({ googleAvailable }: { googleAvailable: boolean }) {
  const trpc = useTRPC();
  const connections = useQuery({
    ...trpc.calendars.list.queryOptions(),
    refetchInterval: (query) => (query.state.data?.some(awaitingSync) ? WHILE_SYNCING_REFETCH_MS : false),
  });
  if (connections.isPending) return <Loading label="Loading connections…" />;
  if (connections.isError) return <LoadError error={connections.error} onRetry={() => void connections.refetch()} />;
  if (connections.data.length === 0) {
    return (
      <EmptyState title="No calendars connected yet">
        {googleAvailable
          ? "Connect Google Calendar or add an iCal address to keep planned tasks out of your meetings."
          : "Add a calendar's iCal address below to keep planned tasks out of your meetings."}
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ul
        aria-label="Connections"
        className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200"
      >
        {connections.data.map((connection) => (
          <ConnectionCard key={connection.id} connection={connection} />
        ))}
      </ul>
      <WriteTargetChoice connections={connections.data} />
    </div>
  );
}
