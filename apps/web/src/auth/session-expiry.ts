import type { QueryClient } from "@tanstack/react-query";

type Navigator = {
  state: { location: { pathname: string; search: string } };
  navigate(to: string, options?: { replace?: boolean }): Promise<void> | void;
};

export const PUBLIC_PATHS = new Set(["/sign-in", "/sign-up"]);

/**
 * What to do when the server refuses a call for lack of a session: forget everything cached
 * for the old session and go to sign in. The "your session ended" message only appears when
 * there was a session to lose, not on a first visit while signed out.
 */
export function createSessionExpiryHandler(getRouter: () => Navigator | undefined, queryClient: QueryClient) {
  return () => {
    const router = getRouter();
    if (!router) return;
    const { pathname, search } = router.state.location;
    if (PUBLIC_PATHS.has(pathname)) return;
    const hadSession = queryClient.getQueriesData({ queryKey: [["iam", "me"]] }).some(([, data]) => data !== undefined);
    queryClient.clear();
    const next = encodeURIComponent(`${pathname}${search}`);
    void router.navigate(`/sign-in?${hadSession ? "expired=1&" : ""}next=${next}`, { replace: true });
  };
}

/** Where to go after signing in: the page that sent the person away, if it is one of ours; else home (Today or the Inbox). */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//")) return "/";
  return PUBLIC_PATHS.has(next.split("?")[0] ?? "") ? "/" : next;
}
