import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { changesWords } from "./connection-status.ts";
import type { Connection } from "./connection-types.ts";
import { useRefreshCalendars } from "./use-refresh-calendars.ts";

/** "Sync now" for one connection (Google account or iCal feed), saying in a toast what it did. */
export function useSyncConnection(connection: Connection) {
  const trpc = useTRPC();
  const refresh = useRefreshCalendars();
  const sync = useMutation(
    trpc.calendars.sync.mutationOptions({
      onSuccess: ({ status, changed }) => {
        if (status === "needs_reconnect") toast.error(`“${connection.name}” needs reconnecting before it can sync.`);
        else if (status === "error") toast.error(`“${connection.name}” could not be synced. See why in Settings.`);
        else toast.success(`Synced “${connection.name}”: ${changesWords(changed)}.`);
      },
      onError: (error) => toast.error(describeError(error).message),
      onSettled: refresh,
    }),
  );
  return { isPending: sync.isPending, sync: () => sync.mutate({ connectionId: connection.id }) };
}
