import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { useRefreshTodoist } from "./todoist-use-refresh.ts";
import { todoistResultWords } from "./todoist-words.ts";

/**
 * "Sync now": todoist.sync() answers when the run ends, or after a minute with `running` (the
 * run goes on; the status shows it). Either way the status and the imported tasks are read again.
 */
export function useTodoistSync() {
  const trpc = useTRPC();
  const refresh = useRefreshTodoist();
  const sync = useMutation(
    trpc.todoist.sync.mutationOptions({
      onSuccess: (answer) => {
        if (answer.running) toast.info("Todoist is still syncing. Progress shows in Settings → Connections.");
        else toast.success(`Synced Todoist. ${todoistResultWords(answer)}`);
      },
      onError: (error) => toast.error(describeError(error).message),
      onSettled: refresh,
    }),
  );
  return { isPending: sync.isPending, sync: () => sync.mutate() };
}
