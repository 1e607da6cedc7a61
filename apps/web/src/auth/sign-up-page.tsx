import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useAppServices } from "../app-providers.tsx";
import type { DescribedError } from "../errors/describe-error.ts";
import { buttonClass } from "../ui/button.ts";
import { Field, inputClass } from "../ui/field.tsx";
import { FormError } from "../ui/form-error.tsx";
import { AuthCard } from "./auth-card.tsx";
import type { AuthFailure } from "./auth-client.ts";
import { describeAuthError } from "./describe-auth-error.ts";

/** The browser's time zone, so the week view and reminders are right from the first minute. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function SignUpPage() {
  const { authClient } = useAppServices();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: "", email: "", password: "" });
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const timeZone = browserTimeZone();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // $fetch rather than signUp.email: our sign-up also takes the time zone, which the
      // library's typed helper does not know about.
      const result = await authClient.$fetch("/sign-up/email", { method: "POST", body: { ...form, timeZone } });
      if (result.error) {
        setError(describeAuthError(result.error as AuthFailure));
        return;
      }
      queryClient.clear();
      await navigate("/inbox", { replace: true });
    } catch {
      setError(describeAuthError(null));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) =>
      setForm((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <AuthCard title="Create your AgendaCraft account">
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        <Field label="Name" errors={error?.fieldErrors.name}>
          {(control) => <input {...control} {...field("name")} className={inputClass} autoComplete="name" required />}
        </Field>
        <Field label="Email" errors={error?.fieldErrors.email}>
          {(control) => (
            <input {...control} {...field("email")} className={inputClass} type="email" autoComplete="email" required />
          )}
        </Field>
        <Field
          label="Password"
          errors={error?.fieldErrors.password}
          hint={`At least 10 characters. Your time zone will be ${timeZone}; change it later in Settings.`}
        >
          {(control) => (
            <input
              {...control}
              {...field("password")}
              className={inputClass}
              type="password"
              autoComplete="new-password"
              required
            />
          )}
        </Field>
        <FormError error={error} />
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          {busy ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p className="text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="text-indigo-700 underline" to="/sign-in">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
