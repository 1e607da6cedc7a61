import { useQuery } from "@tanstack/react-query";
import { useAppServices } from "../app-providers.tsx";
import { useTRPC } from "../trpc.ts";
import { buttonClass } from "../ui/button.ts";
import { browserTimeZone } from "./browser-time-zone.ts";
import { describeGoogleSignInError } from "./google-sign-in-error.ts";
import { useGoogleRedirect } from "./use-google-redirect.ts";

/**
 * "Continue with Google" on the sign-in and sign-up pages, shown only when the server has a
 * Google client. better-auth answers with Google's consent address; the browser goes there
 * and comes back through the server's callback to `callbackPath`, or to /sign-in with an
 * `error` when Google is refused (see describeGoogleSignInError).
 */
export function ContinueWithGoogle({ callbackPath }: { callbackPath: string }) {
  const trpc = useTRPC();
  const { authClient } = useAppServices();
  const providers = useQuery(trpc.iam.authProviders.queryOptions());
  const { starting, failed, start } = useGoogleRedirect(() =>
    authClient.signIn.social({
      provider: "google",
      callbackURL: callbackPath,
      // Someone new lands in the inbox, as after the sign-up form.
      newUserCallbackURL: "/inbox",
      errorCallbackURL: "/sign-in",
      // A person new to AgendaCraft gets the browser's time zone, as with the sign-up form.
      additionalData: { timeZone: browserTimeZone() },
      disableRedirect: true,
    }),
  );
  if (!providers.data?.google) return null;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <button type="button" className={buttonClass.secondary} onClick={() => void start()} disabled={starting}>
        {starting ? "Opening Google…" : "Continue with Google"}
      </button>
      {failed ? (
        <p role="alert" className="text-sm text-red-700">
          {describeGoogleSignInError("start_failed")}
        </p>
      ) : null}
    </div>
  );
}
