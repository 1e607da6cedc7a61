import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { useAppServices } from "../app-providers.tsx";
import { inputClass } from "../ui/field.tsx";
import { FormErrorMessage } from "../ui/form/form-error-message.tsx";
import { FormField } from "../ui/form/form-field.tsx";
import { SubmitButton } from "../ui/form/submit-button.tsx";
import { useSchemaForm } from "../ui/form/use-schema-form.ts";
import { AuthCard } from "./auth-card.tsx";
import { browserTimeZone } from "./browser-time-zone.ts";
import { ContinueWithGoogle } from "./continue-with-google.tsx";

export function SignUpPage() {
  const { authClient } = useAppServices();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const timeZone = browserTimeZone();
  const form = useSchemaForm({
    // The schema the server checks sign-ups with before the auth library sees them, loaded on
    // first use: this page is part of the first download.
    schema: () => import("@agendacraft/domain/iam/schemas").then((schemas) => schemas.ZSignUpInput),
    defaultValues: { name: "", email: "", password: "" },
    toInput: (values) => ({ ...values, timeZone }),
    onSubmit: async (input) => {
      // $fetch rather than signUp.email: our sign-up also takes the time zone, which the
      // library's typed helper does not know about.
      const result = await authClient.$fetch("/sign-up/email", { method: "POST", body: input });
      // The refusal goes to the form's one mapper, as a thrown tRPC error would.
      if (result.error) throw result.error;
      queryClient.clear();
      await navigate("/inbox", { replace: true });
    },
  });

  return (
    <AuthCard title="Create your AgendaCraft account">
      <form className="flex flex-col gap-4" onSubmit={form.submit} noValidate>
        <FormField control={form.control} name="name" label="Name">
          {(control) => <input {...control} className={inputClass} autoComplete="name" required />}
        </FormField>
        <FormField control={form.control} name="email" label="Email">
          {(control) => <input {...control} className={inputClass} type="email" autoComplete="email" required />}
        </FormField>
        <FormField
          control={form.control}
          name="password"
          label="Password"
          hint={`At least 10 characters. Your time zone will be ${timeZone}; change it later in Settings.`}
        >
          {(control) => (
            <input {...control} className={inputClass} type="password" autoComplete="new-password" required />
          )}
        </FormField>
        <FormErrorMessage control={form.control} />
        <SubmitButton control={form.control} pendingLabel="Creating your account…">
          Create account
        </SubmitButton>
      </form>
      <ContinueWithGoogle callbackPath="/inbox" />
      <p className="text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="text-indigo-700 underline" to="/sign-in">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
