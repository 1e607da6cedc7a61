import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useAppServices } from "../app-providers.tsx";
import { inputClass } from "../ui/field.tsx";
import { FormErrorMessage } from "../ui/form/form-error-message.tsx";
import { FormField } from "../ui/form/form-field.tsx";
import { SubmitButton } from "../ui/form/submit-button.tsx";
import { useSchemaForm } from "../ui/form/use-schema-form.ts";
import { AuthCard } from "./auth-card.tsx";
import { ContinueWithGoogle } from "./continue-with-google.tsx";
import { describeGoogleSignInError } from "./google-sign-in-error.ts";
import { safeNextPath } from "./session-expiry.ts";

export function SignInPage() {
  const { authClient } = useAppServices();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const nextPath = safeNextPath(params.get("next"));
  // Set by the server when "Continue with Google" was refused (see ContinueWithGoogle).
  const googleError = params.get("error");
  const form = useSchemaForm({
    // Loaded on first use: the sign-in page is the first download.
    schema: () => import("@agendacraft/domain/iam/schemas").then((schemas) => schemas.ZSignInInput),
    defaultValues: { email: "", password: "" },
    toInput: (values) => values,
    onSubmit: async (input) => {
      const result = await authClient.signIn.email(input);
      // The refusal goes to the form's one mapper, as a thrown tRPC error would.
      if (result.error) throw result.error;
      queryClient.clear();
      await navigate(nextPath, { replace: true });
    },
  });

  return (
    <AuthCard title="Sign in to AgendaCraft">
      {params.get("expired") ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your session has ended. Sign in again to continue.
        </p>
      ) : null}
      {googleError ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {describeGoogleSignInError(googleError)}
        </p>
      ) : null}
      <form className="flex flex-col gap-4" onSubmit={form.submit} noValidate>
        <FormField control={form.control} name="email" label="Email">
          {(control) => <input {...control} className={inputClass} type="email" autoComplete="email" required />}
        </FormField>
        <FormField control={form.control} name="password" label="Password">
          {(control) => (
            <input {...control} className={inputClass} type="password" autoComplete="current-password" required />
          )}
        </FormField>
        <FormErrorMessage control={form.control} />
        <SubmitButton control={form.control} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      <ContinueWithGoogle callbackPath={nextPath} />
      <p className="text-sm text-slate-600">
        New here?{" "}
        <Link className="text-indigo-700 underline" to="/sign-up">
          Create an account
        </Link>
      </p>
    </AuthCard>
  );
}
