import type { RouterOutputs } from "@agendacraft/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { EmptyState, LoadError, Loading } from "../../ui/states.tsx";
import { busyTimes } from "./busy-times.ts";

type CalendarFeed = RouterOutputs["calendars"]["feeds"]["list"][number];

/** The calendars whose busy time the planner goes around, with their last sync. */
export function CalendarFeedList() {
  const trpc = useTRPC();
  const feeds = useQuery(trpc.calendars.feeds.list.queryOptions());
  if (feeds.isPending) return <Loading label="Loading calendars…" />;
  if (feeds.isError) return <LoadError error={feeds.error} onRetry={() => void feeds.refetch()} />;
  if (feeds.data.length === 0) {
    return <EmptyState title="No calendars yet">Add one to keep planned tasks out of your meetings.</EmptyState>;
  }
  return (
    <ul aria-label="Calendars" className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200">
      {feeds.data.map((feed) => (
        <CalendarFeedRow key={feed.id} feed={feed} />
      ))}
    </ul>
  );
}

function CalendarFeedRow({ feed }: { feed: CalendarFeed }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useMe();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.calendars.pathFilter());
  const sync = useMutation(
    trpc.calendars.feeds.sync.mutationOptions({
      onSuccess: (synced) => {
        if (synced.lastError) toast.error(`“${synced.name}” could not be synced. ${synced.lastError}`);
        else toast.success(`Synced “${synced.name}”: ${busyTimes(synced.eventCount)}.`);
      },
      onError: (error) => toast.error(describeError(error).message),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.calendars.feeds.remove.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        toast.success(`Removed “${feed.name}”.`);
      },
      onError: (error) => toast.error(describeError(error).message),
      onSettled: refresh,
    }),
  );

  return (
    <li className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="font-medium">{feed.name}</p>
        <p className="truncate text-xs text-slate-500">{feed.url}</p>
        <p className="text-xs text-slate-600">
          {feed.lastSyncedAt
            ? `${busyTimes(feed.eventCount)} · synced ${formatDateTime(feed.lastSyncedAt, timeZone)}`
            : "Not synced yet"}
        </p>
        {feed.lastError ? <p className="text-xs text-red-700">Last sync failed: {feed.lastError}</p> : null}
      </div>
      <div className="flex gap-2">
        <button
          type="button"
          className={buttonClass.secondary}
          aria-label={`Sync “${feed.name}” now`}
          disabled={sync.isPending}
          onClick={() => sync.mutate({ id: feed.id })}
        >
          {sync.isPending ? "Syncing…" : "Sync now"}
        </button>
        <button
          type="button"
          className={buttonClass.ghost}
          aria-label={`Remove “${feed.name}”`}
          onClick={() => setConfirming(true)}
        >
          Remove
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Remove “${feed.name}”?`}
        confirmLabel="Remove calendar"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id: feed.id })}
        onCancel={() => setConfirming(false)}
      >
        Its {busyTimes(feed.eventCount)} leave your week, and the next plan may use that time.
      </ConfirmDialog>
    </li>
  );
}
