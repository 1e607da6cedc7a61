import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { LoadMoreButton } from "../../ui/load-more-button.tsx";
import { EmptyState, LoadError, Loading } from "../../ui/states.tsx";
import { describeHistoryEntry } from "./task-history-sentence.ts";
import type { TaskHistoryEntry } from "./task-types.ts";

const PAGE_SIZE = 10;

/**
 * A task's history behind a "History" toggle: nothing is fetched until the person opens
 * it, then a page at a time, newest first.
 */
export function TaskHistorySection({ taskId, timeZone }: { taskId: string; timeZone: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-label="History" className="border-t border-slate-200 pt-3 text-sm">
      <button
        type="button"
        className="font-medium text-slate-700 hover:text-slate-900"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {open ? "▾" : "▸"} History
      </button>
      {open ? <TaskHistoryPages taskId={taskId} timeZone={timeZone} /> : null}
    </section>
  );
}

function TaskHistoryPages({ taskId, timeZone }: { taskId: string; timeZone: string }) {
  const trpc = useTRPC();
  const history = useInfiniteQuery(
    trpc.scheduler.tasks.history.infiniteQueryOptions(
      { taskId, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  if (history.isPending) return <Loading label="Loading the history…" />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <div className="mt-2 flex flex-col gap-2">
      <TaskHistoryList entries={history.data.pages.flatMap((page) => page.items)} timeZone={timeZone} />
      <LoadMoreButton query={history} label="Show older" />
    </div>
  );
}

/** The entries as sentences with their time, or the empty state. */
export function TaskHistoryList({ entries, timeZone }: { entries: readonly TaskHistoryEntry[]; timeZone: string }) {
  if (entries.length === 0) return <EmptyState title="No changes recorded yet" />;
  return (
    <ol aria-label="Task history" className="flex flex-col gap-1">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-wrap justify-between gap-x-3">
          <span>{describeHistoryEntry(entry, timeZone)}</span>
          <time className="text-slate-500" dateTime={entry.at.toISOString()}>
            {formatDateTime(entry.at, timeZone)}
          </time>
        </li>
      ))}
    </ol>
  );
}
