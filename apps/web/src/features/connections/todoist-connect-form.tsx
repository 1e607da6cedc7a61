import { ZConnectTodoistInput } from "@agendacraft/domain/todoist/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { TodoistConnectButton } from "./todoist-connect-button.tsx";

type TodoistConnectFormProps = {
  /** Whether this server can send the person through Todoist's consent page. */
  oauthAvailable: boolean;
  /** "Connect", or "Reconnect" when the stored token stopped working. */
  submitLabel?: string;
  /** Called with the new status once Todoist accepted the token (the first import is queued). */
  onConnected: () => void;
};

/**
 * Connects Todoist with a personal API token, checked by the server against Todoist before it
 * is stored; or, when the server is set up for it, through Todoist's consent page.
 */
export function TodoistConnectForm({ oauthAvailable, submitLabel = "Connect", onConnected }: TodoistConnectFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connect = useMutation(trpc.todoist.connect.mutationOptions());
  const form = useSchemaForm({
    schema: ZConnectTodoistInput,
    defaultValues: { apiToken: "" },
    toInput: (values) => values,
    // Todoist refusing the token is about the token: said under the field.
    mapping: { codes: { "todoist.token_invalid": "apiToken" } },
    onSubmit: async (input, { reset }) => {
      const status = await connect.mutateAsync(input);
      reset();
      queryClient.setQueryData(trpc.todoist.status.queryKey(), status);
      onConnected();
      toast.success(
        status.account
          ? `Connected Todoist as ${status.account.email}. Importing your projects and tasks…`
          : "Connected Todoist. Importing your projects and tasks…",
      );
    },
  });

  return (
    <div className="flex flex-col gap-3">
      <form className="flex flex-col gap-3" onSubmit={form.submit} noValidate>
        <FormField
          control={form.control}
          name="apiToken"
          label="Todoist API token"
          hint="In Todoist: Settings → Integrations → Developer → API token. Copy it and paste it here."
        >
          {(control) => (
            <input
              {...control}
              className={inputClass}
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="Paste your token"
            />
          )}
        </FormField>
        <FormErrorMessage control={form.control} />
        <div>
          <SubmitButton control={form.control} pendingLabel="Checking the token…">
            {submitLabel}
          </SubmitButton>
        </div>
      </form>
      {oauthAvailable ? (
        <div className="flex flex-col items-start gap-1 border-t border-slate-200 pt-3">
          <p className="text-xs text-slate-600">Or sign in on Todoist's own page instead of pasting a token:</p>
          <TodoistConnectButton label={submitLabel === "Connect" ? "Connect with Todoist" : "Reconnect with Todoist"} />
        </div>
      ) : null}
    </div>
  );
}
