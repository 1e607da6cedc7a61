import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { browserNavigation, CONNECTIONS_RETURN_TO } from "./connect-google-button.tsx";

/**
 * Asks the server for Todoist's consent address (it remembers a state for the callback) and
 * goes there; Todoist sends the browser back to Settings with `?todoist=...`.
 */
export function TodoistConnectButton({ label }: { label: string }) {
  const trpc = useTRPC();
  const connect = useMutation(
    trpc.todoist.connectUrl.mutationOptions({
      onSuccess: ({ url }) => browserNavigation.assign(url),
      onError: (error) => toast.error(describeError(error).message),
    }),
  );
  return (
    <button
      type="button"
      className={buttonClass.secondary}
      // Stays disabled after success: the page is leaving for Todoist.
      disabled={connect.isPending || connect.isSuccess}
      onClick={() => connect.mutate({ returnTo: CONNECTIONS_RETURN_TO })}
    >
      {connect.isPending || connect.isSuccess ? "Opening Todoist…" : label}
    </button>
  );
}
