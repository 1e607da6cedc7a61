import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation } from "react-router";
import { isUnauthorizedError } from "../errors/describe-error.ts";
import { useTRPC } from "../trpc.ts";
import { LoadError, Loading } from "../ui/states.tsx";

/** Lets signed-in people through; sends everyone else to sign in, remembering where they were going. */
export function RequireSession() {
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery(trpc.iam.me.queryOptions());
  if (me.isPending) return <Loading label="Opening AgendaCraft…" />;
  if (me.isError) {
    if (isUnauthorizedError(me.error)) {
      const next = encodeURIComponent(`${location.pathname}${location.search}`);
      return <Navigate to={`/sign-in?next=${next}`} replace />;
    }
    return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <Outlet />;
}

/** The signed-in person; only inside <RequireSession>, where it is already loaded. */
export function useMe() {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.iam.me.queryOptions()).data;
}
