import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { useTRPC } from "../../trpc.ts";
import { LoadMoreButton } from "../../ui/load-more-button.tsx";
import { EmptyState, LoadError, Loading } from "../../ui/states.tsx";
import { PlannerForm } from "./planner-form.tsx";
import { newPlannerValues } from "./planner-form-values.ts";
import { PlannerListItem } from "./planner-list-item.tsx";
import { PLANNERS_PAGE_INPUT } from "./planner-pages.ts";

/** /planners: the recurring windows the auto-scheduler may fill, and a form to add one. */
export function PlannersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  // Bumped after a create so the form starts over with fresh defaults.
  const [formKey, setFormKey] = useState(0);
  const planners = useInfiniteQuery(
    trpc.scheduler.planners.list.infiniteQueryOptions(PLANNERS_PAGE_INPUT, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const create = useMutation(trpc.scheduler.planners.create.mutationOptions());
  const items = planners.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Planners</h1>
      <p className="text-sm text-slate-600">
        A planner is a recurring window, such as working hours on weekdays, that the scheduler fills with tasks.
      </p>
      <div className="grid gap-6 lg:grid-cols-[1fr_26rem]">
        <section aria-labelledby="planner-list-heading" className="flex flex-col gap-2">
          <h2 id="planner-list-heading" className="font-semibold">
            Your planners
          </h2>
          {planners.isPending ? (
            <Loading label="Loading planners…" />
          ) : planners.isError ? (
            <LoadError error={planners.error} onRetry={() => void planners.refetch()} />
          ) : items.length === 0 ? (
            <EmptyState title="No planners yet">Create one to tell the scheduler when you work on tasks.</EmptyState>
          ) : (
            <ul className="flex flex-col gap-2">
              {items.map((planner) => (
                <PlannerListItem key={planner.id} planner={planner} />
              ))}
            </ul>
          )}
          <LoadMoreButton query={planners} label="Load more planners" />
        </section>
        <section
          aria-labelledby="new-planner-heading"
          className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="new-planner-heading" className="font-semibold">
            New planner
          </h2>
          <PlannerForm
            key={formKey}
            initialValues={newPlannerValues(me.timeZone, new Date())}
            submitLabel="Create planner"
            onSave={async (input) => {
              const planner = await create.mutateAsync(input);
              await queryClient.invalidateQueries(trpc.scheduler.planners.pathFilter());
              toast.success(`Created planner “${planner.name}”.`);
              setFormKey((key) => key + 1);
            }}
          />
        </section>
      </div>
    </div>
  );
}
