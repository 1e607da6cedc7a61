import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { useAppServices } from "../app-providers.tsx";
import { describeError } from "../errors/describe-error.ts";

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
        toast.error(describeError(result.error).message);
        return;
      }
      queryClient.clear();
      await navigate("/sign-in", { replace: true });
    } catch (error) {
      toast.error(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return { signOut, busy };
}
