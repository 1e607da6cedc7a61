import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";

/** Where Google's consent sends the browser back to (the server adds `?google=...`). */
export const CONNECTIONS_RETURN_TO = "/settings";

/** Sends the browser to Google's consent page; exported so tests can watch where it goes. */
export const browserNavigation = { assign: (url: string) => window.location.assign(url) };

type ConnectGoogleButtonProps = {
  /** "Connect Google Calendar", or "Reconnect" on a connection that needs it. */
  label: string;
  /** Names the button for assistive technology when the visible label is short ("Reconnect"). */
  ariaLabel?: string;
  variant?: keyof typeof buttonClass;
};

/**
 * Asks the server for Google's consent address (it remembers a state for the callback) and
 * goes there. Reconnecting is the same round trip: the server reuses the account's connection.
 */
export function ConnectGoogleButton({ label, ariaLabel, variant = "primary" }: ConnectGoogleButtonProps) {
  const trpc = useTRPC();
  const connect = useMutation(
    trpc.calendars.google.connectUrl.mutationOptions({
      onSuccess: ({ url }) => browserNavigation.assign(url),
      onError: (error) => toast.error(describeError(error).message),
    }),
  );
  return (
    <button
      type="button"
      className={buttonClass[variant]}
      aria-label={ariaLabel}
      // Stays disabled after success: the page is leaving for Google.
      disabled={connect.isPending || connect.isSuccess}
      onClick={() => connect.mutate({ returnTo: CONNECTIONS_RETURN_TO })}
    >
      {connect.isPending || connect.isSuccess ? "Opening Google…" : label}
    </button>
  );
}
