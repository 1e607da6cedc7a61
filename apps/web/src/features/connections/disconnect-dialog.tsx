import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import type { Connection } from "./connection-types.ts";
import { useRefreshCalendars } from "./use-refresh-calendars.ts";

type DisconnectDialogProps = { connection: Connection; open: boolean; onClose: () => void };

/**
 * Asks before disconnecting: its events stop being busy time, and, when the person ticks the
 * box, the events AgendaCraft wrote into Google are deleted there too.
 */
export function DisconnectDialog({ connection, open, onClose }: DisconnectDialogProps) {
  const trpc = useTRPC();
  const refresh = useRefreshCalendars();
  const checkboxId = useId();
  const [removeWrittenEvents, setRemoveWrittenEvents] = useState(false);
  const disconnect = useMutation(
    trpc.calendars.disconnect.mutationOptions({
      onSuccess: () => {
        onClose();
        toast.success(`Disconnected “${connection.name}”.`);
      },
      onError: (error) => toast.error(describeError(error).message),
      onSettled: refresh,
    }),
  );
  const google = connection.kind === "google";
  return (
    <ConfirmDialog
      open={open}
      title={`Disconnect “${connection.name}”?`}
      confirmLabel="Disconnect"
      danger
      busy={disconnect.isPending}
      onConfirm={() =>
        disconnect.mutate({ connectionId: connection.id, removeWrittenEvents: google && removeWrittenEvents })
      }
      onCancel={onClose}
    >
      <p>Its events leave your week, and the next plan may use that time.</p>
      {google ? (
        <p className="mt-3 flex items-start gap-2">
          <input
            id={checkboxId}
            type="checkbox"
            className="mt-0.5 h-4 w-4"
            checked={removeWrittenEvents}
            onChange={(event) => setRemoveWrittenEvents(event.target.checked)}
          />
          <label htmlFor={checkboxId}>Also remove the events AgendaCraft wrote to this Google account</label>
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
