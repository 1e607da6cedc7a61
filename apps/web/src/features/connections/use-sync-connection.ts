import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { busyTimes } from "../calendars/busy-times.ts";
import type { Connection } from "./connection-types.ts";
import { useRefreshCalendars } from "./use-refresh-calendars.ts";

/** "Sync now" for one connection, saying in a toast what it did. */
export function useSyncConnection(connection: Connection) {
  const trpc = useTRPC();
  const refresh = useRefreshCalendars();
  const onError = (error: unknown) => toast.error(describeError(error).message);
  // An iCal feed syncs through its own procedure, which says how many busy times it holds.
  const feed = useMutation(
    trpc.calendars.feeds.sync.mutationOptions({
      onSuccess: (synced) => {
        if (synced.lastError) toast.error(`“${synced.name}” could not be synced. ${synced.lastError}`);
        else toast.success(`Synced “${synced.name}”: ${busyTimes(synced.eventCount)}.`);
      },
      onError,
      onSettled: refresh,
    }),
  );
  return {
    available: connection.kind === "ical",
    isPending: feed.isPending,
    sync: () => feed.mutate({ id: connection.id }),
  };
}
