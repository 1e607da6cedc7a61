import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { formatDailyHours } from "./format-window.ts";
import { PlannerForm } from "./planner-form.tsx";
import { type PlannerItem, plannerValues } from "./planner-form-values.ts";
import { useTogglePlannerActive } from "./use-toggle-planner-active.ts";

/** One planner: its rule in words and daily hours, the active switch, edit and delete. */
export function PlannerListItem({ planner }: { planner: PlannerItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const activeId = useId();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const toggle = useTogglePlannerActive();
  const update = useMutation(trpc.scheduler.planners.update.mutationOptions());
  const remove = useMutation(
    trpc.scheduler.planners.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`Deleted planner “${planner.name}”.`);
        setDeleting(false);
      },
      onError: (error) => toast.error(describeError(error).message),
      onSettled: () => queryClient.invalidateQueries(trpc.scheduler.planners.pathFilter()),
    }),
  );
  const description = useRuleDescription(planner);

  if (editing) {
    return (
      <li className="rounded-md border border-indigo-200 bg-white p-3">
        <h3 className="mb-2 font-medium">Edit “{planner.name}”</h3>
        <PlannerForm
          initialValues={plannerValues(planner)}
          submitLabel="Save planner"
          onCancel={() => setEditing(false)}
          onSave={async (input) => {
            await update.mutateAsync({ id: planner.id, ...input });
            await queryClient.invalidateQueries(trpc.scheduler.planners.pathFilter());
            toast.success(`Saved “${input.name.trim()}”.`);
            setEditing(false);
          }}
        />
      </li>
    );
  }

  return (
    <li className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1">
        <h3 className={`font-medium ${planner.active ? "text-slate-900" : "text-slate-500"}`}>{planner.name}</h3>
        <p className="text-sm text-slate-600">
          {description} · {formatDailyHours(planner.startTime, planner.minutes)}
        </p>
        <p className="text-xs text-slate-500">
          From {DateTime.fromISO(planner.startDate).toFormat("d LLL yyyy")}
          {planner.timeZone !== me.timeZone ? ` · ${planner.timeZone} time` : ""}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-center gap-1">
          <input
            id={activeId}
            type="checkbox"
            className="size-4"
            checked={planner.active}
            onChange={(event) => toggle.mutate({ id: planner.id, active: event.target.checked })}
          />
          <label htmlFor={activeId} className="text-sm text-slate-700">
            Active<span className="sr-only">: {planner.name}</span>
          </label>
        </div>
        <button type="button" className={buttonClass.ghost} onClick={() => setEditing(true)}>
          Edit<span className="sr-only"> “{planner.name}”</span>
        </button>
        <button type="button" className={`${buttonClass.ghost} text-red-700`} onClick={() => setDeleting(true)}>
          Delete<span className="sr-only"> “{planner.name}”</span>
        </button>
      </div>
      <ConfirmDialog
        open={deleting}
        title={`Delete planner “${planner.name}”?`}
        confirmLabel="Delete planner"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id: planner.id })}
        onCancel={() => setDeleting(false)}
      >
        <p>Tasks that use it stay, without a planner. This cannot be undone.</p>
      </ConfirmDialog>
    </li>
  );
}

/** The rule in words ("every weekday") as the server describes it; the rule itself until then. */
function useRuleDescription(planner: PlannerItem): string {
  const trpc = useTRPC();
  const start = DateTime.fromISO(`${planner.startDate}T${planner.startTime}`, { zone: planner.timeZone });
  const preview = useQuery({
    ...trpc.scheduler.recurrence.preview.queryOptions({
      rule: planner.recurrence,
      start: start.isValid ? start.toJSDate() : new Date(0),
      timeZone: planner.timeZone,
      count: 1,
    }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const text = preview.data?.text;
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : planner.recurrence;
}
