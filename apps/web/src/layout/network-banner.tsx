import { useQueryClient } from "@tanstack/react-query";
import { useAppServices } from "../app-providers.tsx";
import { NETWORK_MESSAGE } from "../errors/describe-error.ts";
import { buttonClass } from "../ui/button.ts";
import { useIsOffline } from "./connection-status.ts";

/** One banner for a lost connection, whichever screen noticed it; Retry refetches what is on screen. */
export function NetworkBanner() {
  const { connection } = useAppServices();
  const offline = useIsOffline(connection);
  const queryClient = useQueryClient();
  if (!offline) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-2 bg-amber-100 px-4 py-2 text-sm text-amber-950"
    >
      <span>{NETWORK_MESSAGE}</span>
      <button
        type="button"
        className={buttonClass.secondary}
        onClick={() => void queryClient.refetchQueries({ type: "active" })}
      >
        Retry
      </button>
    </div>
  );
}
