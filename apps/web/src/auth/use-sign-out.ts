import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { useAppServices } from "../app-providers.tsx";
import { describeAuthError } from "./describe-auth-error.ts";

/** Signs out on the server, forgets every cached answer and goes to the sign-in page. */
export function useSignOut() {
  const { authClient } = useAppServices();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      const result = await authClient.signOut();
      if (result.error) {
        toast.error(describeAuthError(result.error).message);
        return;
      }
      queryClient.clear();
      await navigate("/sign-in", { replace: true });
    } catch {
      toast.error(describeAuthError(null).message);
    } finally {
      setBusy(false);
    }
  };
  return { signOut, busy };
}
