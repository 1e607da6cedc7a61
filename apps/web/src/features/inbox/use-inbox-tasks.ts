import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";

/** The inbox: tasks without a project and without a start time, in their manual order. */
export const INBOX_INPUT = { projectId: null, scheduled: false, isComplete: false, limit: 50 } as const;

export function useInboxQueryKey() {
  return useTRPC().scheduler.tasks.list.infiniteQueryKey(INBOX_INPUT);
}

/** The inbox one keyset page at a time (`cursor` ← the previous page's `nextCursor`). */
export function useInboxTasks() {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.scheduler.tasks.list.infiniteQueryOptions(INBOX_INPUT, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
}
