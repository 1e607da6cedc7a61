import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";

/** Ends every browser session, this one too; API tokens keep working until revoked. */
export function SignOutEverywhere() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  const signOut = useMutation(
    trpc.iam.signOutEverywhere.mutationOptions({
      onSuccess: async () => {
        queryClient.clear();
        await navigate("/sign-in", { replace: true });
      },
      onError: (error) => {
        setConfirming(false);
        toast.error(describeError(error).message);
      },
    }),
  );

  return (
    <div className="flex flex-col items-start gap-2">
      <p className="text-sm text-slate-600">
        Signs you out on every device and browser, including this one. API tokens are not affected; revoke them above.
      </p>
      <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(true)}>
        Sign out everywhere
      </button>
      <ConfirmDialog
        open={confirming}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        danger
        busy={signOut.isPending}
        onConfirm={() => signOut.mutate()}
        onCancel={() => setConfirming(false)}
      >
        Every browser signed in to your account, this one included, will have to sign in again.
      </ConfirmDialog>
    </div>
  );
}
