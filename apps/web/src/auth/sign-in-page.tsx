import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useAppServices } from "../app-providers.tsx";
import type { DescribedError } from "../errors/describe-error.ts";
import { buttonClass } from "../ui/button.ts";
import { Field, inputClass } from "../ui/field.tsx";
import { FormError } from "../ui/form-error.tsx";
import { AuthCard } from "./auth-card.tsx";
import { describeAuthError } from "./describe-auth-error.ts";
import { safeNextPath } from "./session-expiry.ts";

export function SignInPage() {
  const { authClient } = useAppServices();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await authClient.signIn.email({ email, password });
      if (result.error) {
        setError(describeAuthError(result.error));
        return;
      }
      queryClient.clear();
      await navigate(safeNextPath(params.get("next")), { replace: true });
    } catch {
      setError(describeAuthError(null));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Sign in to AgendaCraft">
      {params.get("expired") ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your session has ended. Sign in again to continue.
        </p>
      ) : null}
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        <Field label="Email" errors={error?.fieldErrors.email}>
          {(control) => (
            <input
              {...control}
              className={inputClass}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Password" errors={error?.fieldErrors.password}>
          {(control) => (
            <input
              {...control}
              className={inputClass}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <FormError error={error?.kind === "validation" ? null : error} />
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="text-sm text-slate-600">
        New here?{" "}
        <Link className="text-indigo-700 underline" to="/sign-up">
          Create an account
        </Link>
      </p>
    </AuthCard>
  );
}
