import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../../trpc.ts";

const AREAS_PAGE = { limit: 200 } as const;

/**
 * All of the person's areas: they are the headings projects are grouped under, so every
 * page is fetched (a person has a handful; 200 a page keeps it to one request).
 */
export function useAreas() {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.scheduler.areas.list.infiniteQueryOptions(AREAS_PAGE, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { query, areas: query.data?.pages.flatMap((page) => page.items) ?? [], complete: !hasNextPage };
}
