import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useAppServices } from "../../app-providers.tsx";
import { describeGoogleLinkError } from "../../auth/google-sign-in-error.ts";
import { useGoogleRedirect } from "../../auth/use-google-redirect.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { SettingsSection } from "./settings-section.tsx";

/** Marks the server's redirect back from linking, so its `error` is not read as another flow's. */
const LINK_RETURN = "/settings?link=google";

/**
 * "Link Google": lets someone with a password account sign in with the Google account of
 * the same email too (better-auth's linkSocial). Signing in with Google never links it on
 * its own (no silent merge), so this is the way. Hidden when the server has no Google client.
 */
export function LinkGoogleSection() {
  const trpc = useTRPC();
  const { authClient } = useAppServices();
  const [params] = useSearchParams();
  const providers = useQuery(trpc.iam.authProviders.queryOptions());
  const accounts = useQuery({
    queryKey: ["auth", "accounts"],
    queryFn: async () => {
      const result = await authClient.listAccounts();
      if (result.error) throw new Error(result.error.message ?? "Could not list sign-in methods");
      return result.data;
    },
    enabled: providers.data?.google === true,
  });
  const {
    starting,
    failed,
    start: link,
  } = useGoogleRedirect(() =>
    authClient.linkSocial({
      provider: "google",
      callbackURL: LINK_RETURN,
      errorCallbackURL: LINK_RETURN,
      disableRedirect: true,
    }),
  );
  if (!providers.data?.google) return null;

  const linked = accounts.data?.some((account) => account.providerId === "google") ?? false;
  const returnedError = params.get("link") === "google" ? params.get("error") : null;

  return (
    <SettingsSection
      title="Sign in with Google"
      description="Use your Google account to sign in, besides your password."
    >
      <div className="flex flex-col items-start gap-2">
        {returnedError || failed ? (
          <p role="alert" className="text-sm text-red-700">
            {describeGoogleLinkError(returnedError ?? "start_failed")}
          </p>
        ) : null}
        {accounts.isPending ? null : linked ? (
          <p className="text-sm text-slate-700">Google is linked: you can sign in with Google.</p>
        ) : (
          <button type="button" className={buttonClass.secondary} onClick={() => void link()} disabled={starting}>
            {starting ? "Opening Google…" : "Link Google"}
          </button>
        )}
      </div>
    </SettingsSection>
  );
}
