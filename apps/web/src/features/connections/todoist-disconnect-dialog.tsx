import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { useRefreshTodoist } from "./todoist-use-refresh.ts";

type TodoistDisconnectDialogProps = { open: boolean; onClose: () => void };

/**
 * Asks before disconnecting Todoist, and what becomes of the imported tasks: kept (the default,
 * without their Todoist link) or removed from AgendaCraft. Todoist itself is never touched.
 */
export function TodoistDisconnectDialog({ open, onClose }: TodoistDisconnectDialogProps) {
  const trpc = useTRPC();
  const refresh = useRefreshTodoist();
  const name = useId();
  const [keepTasks, setKeepTasks] = useState(true);
  const disconnect = useMutation(
    trpc.todoist.disconnect.mutationOptions({
      onSuccess: (_answer, input) => {
        onClose();
        toast.success(
          input.keepTasks
            ? "Disconnected Todoist. The imported tasks stay in AgendaCraft."
            : "Disconnected Todoist and removed the imported tasks from AgendaCraft.",
        );
      },
      onError: (error) => toast.error(describeError(error).message),
      onSettled: refresh,
    }),
  );
  return (
    <ConfirmDialog
      open={open}
      title="Disconnect Todoist?"
      confirmLabel="Disconnect"
      danger
      busy={disconnect.isPending}
      onConfirm={() => disconnect.mutate({ keepTasks })}
      onCancel={onClose}
    >
      <p>Changes stop flowing between AgendaCraft and Todoist. Nothing is deleted in Todoist.</p>
      <fieldset className="mt-3 flex flex-col gap-2">
        <legend className="sr-only">The tasks imported from Todoist</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name={name} className="mt-0.5" checked={keepTasks} onChange={() => setKeepTasks(true)} />
          Keep the imported tasks and projects in AgendaCraft
        </label>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name={name}
            className="mt-0.5"
            checked={!keepTasks}
            onChange={() => setKeepTasks(false)}
          />
          Remove the imported tasks and projects from AgendaCraft (they stay in Todoist)
        </label>
      </fieldset>
    </ConfirmDialog>
  );
}
