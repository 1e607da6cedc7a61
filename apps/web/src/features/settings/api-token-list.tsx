import type { RouterOutputs } from "@agendacraft/api";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { EmptyState, LoadError, Loading } from "../../ui/states.tsx";

type ApiToken = RouterOutputs["iam"]["tokens"]["list"]["items"][number];

/** The person's tokens, newest first, each revocable after a confirmation. */
export function ApiTokenList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useInfiniteQuery(
    trpc.iam.tokens.list.infiniteQueryOptions(
      { limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );

  const revoke = useMutation(
    trpc.iam.tokens.revoke.mutationOptions({
      onSuccess: () => toast.success("Token revoked"),
      onError: (error) => toast.error(describeError(error).message),
      onSettled: async () => {
        setRevoking(null);
        await queryClient.invalidateQueries(trpc.iam.tokens.list.pathFilter());
      },
    }),
  );

  if (tokens.isPending) return <Loading label="Loading tokens…" />;
  if (tokens.isError) return <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />;
  const items = tokens.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState title="No API tokens yet" />;

  const when = (date: Date | null, none: string) => (date ? formatDateTime(date, me.timeZone) : none);
  return (
    <div>
      <ul
        aria-label="API tokens"
        className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200"
      >
        {items.map((token) => {
          const expired = token.expiresAt !== null && token.expiresAt.getTime() <= Date.now();
          return (
            <li key={token.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium">
                  {token.name} <code className="rounded bg-slate-100 px-1 text-xs text-slate-600">{token.prefix}…</code>
                  {expired ? <span className="ml-2 text-xs font-medium text-red-700">Expired</span> : null}
                </p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-600 sm:grid-cols-[auto_1fr_auto_1fr_auto_1fr]">
                  <dt>Created</dt>
                  <dd>{when(token.createdAt, "")}</dd>
                  <dt>Last used</dt>
                  <dd>{when(token.lastUsedAt, "Never")}</dd>
                  <dt>Expires</dt>
                  <dd>{when(token.expiresAt, "Never")}</dd>
                </dl>
              </div>
              <button
                type="button"
                className={`${buttonClass.secondary} self-start sm:self-auto`}
                aria-label={`Revoke ${token.name}`}
                onClick={() => setRevoking(token)}
              >
                Revoke
              </button>
            </li>
          );
        })}
      </ul>
      {tokens.hasNextPage ? (
        <button
          type="button"
          className={`${buttonClass.secondary} mt-2`}
          onClick={() => void tokens.fetchNextPage()}
          disabled={tokens.isFetchingNextPage}
        >
          {tokens.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke token?"
        confirmLabel="Revoke"
        danger
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        onCancel={() => setRevoking(null)}
      >
        Scripts using “{revoking?.name}” stop working at once. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
