import { ZSetPasswordInput } from "@agendacraft/domain/iam/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";

/**
 * For an account made with Google, which has no password to change: a first one, so the
 * person can also sign in with their email. The server asks for a recent sign-in instead of
 * a current password; its refusal says so above the button.
 */
export function SetPasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const set = useMutation(trpc.iam.setPassword.mutationOptions());
  const form = useSchemaForm({
    schema: ZSetPasswordInput,
    defaultValues: { password: "" },
    toInput: (values) => values,
    onSubmit: async (input) => {
      await set.mutateAsync(input);
      toast.success("Password set. You can sign in with your email and this password too.");
      // Settings now offers changing it.
      await queryClient.invalidateQueries({ queryKey: trpc.iam.me.queryKey() });
    },
  });

  return (
    <form className="flex max-w-md flex-col gap-4" onSubmit={form.submit} noValidate>
      <p className="text-sm text-slate-600">
        You sign in with Google and have no password. Set one to sign in with your email as well.
      </p>
      <FormField control={form.control} name="password" label="New password" hint="At least 10 characters.">
        {(control) => <input {...control} className={inputClass} type="password" autoComplete="new-password" />}
      </FormField>
      <FormErrorMessage control={form.control} />
      <div>
        <SubmitButton control={form.control} pendingLabel="Setting…">
          Set a password
        </SubmitButton>
      </div>
    </form>
  );
}
