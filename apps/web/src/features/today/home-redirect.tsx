import { useQuery } from "@tanstack/react-query";
import { Navigate } from "react-router";
import { useTRPC } from "../../trpc.ts";
import { Loading } from "../../ui/states.tsx";

/**
 * The home page: Today once the person has planned (a plan run, or any task with a time),
 * the Inbox before that, where a newcomer starts by adding tasks. If Today cannot be read,
 * the Inbox is the safe place to land.
 */
export function HomeRedirect() {
  const trpc = useTRPC();
  const today = useQuery(trpc.scheduler.tasks.today.queryOptions());
  if (today.isPending) return <Loading label="Opening…" />;
  return <Navigate to={today.data?.hasPlanned ? "/today" : "/inbox"} replace />;
}
