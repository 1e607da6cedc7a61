import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { FormError } from "../../ui/form-error.tsx";
import { Modal } from "../../ui/modal.tsx";
import { LoadError, Loading } from "../../ui/states.tsx";
import { PlanPreviewList } from "./plan-preview-list.tsx";
import { useCommitPlan } from "./use-plan-actions.ts";
import { formatWeekRange, planInputForWeek } from "./week-range.ts";
import type { WeekRange } from "./week-types.ts";

const MIN_PART_MINUTES = 30;

type PlanPreviewDialogProps = {
  week: WeekRange;
  /** When the person asked: the plan covers the week from then on, and stays the same while the dialog is open. */
  requestedAt: Date;
  timeZone: string;
  onClose: () => void;
};

/**
 * "Plan my week": shows what the planner would change in the shown week and writes exactly
 * that input on Apply.
 */
export function PlanPreviewDialog({ week, requestedAt, timeZone, onClose }: PlanPreviewDialogProps) {
  const trpc = useTRPC();
  const splitId = useId();
  const [split, setSplit] = useState(false);
  const input = useMemo(
    () => planInputForWeek(week, requestedAt, timeZone, { enabled: split, minChunkMinutes: MIN_PART_MINUTES }),
    [week, requestedAt, timeZone, split],
  );
  // A preview is a snapshot of the moment: never reuse an older one for the same input.
  const preview = useQuery({
    ...trpc.scheduler.plan.preview.queryOptions(input ?? undefined),
    enabled: input !== null,
    staleTime: 0,
    gcTime: 0,
  });
  const commit = useCommitPlan({ onDone: onClose });

  const hasChanges = (preview.data?.changes.length ?? 0) > 0;
  return (
    <Modal
      title="Plan preview"
      onClose={onClose}
      busy={commit.isPending}
      widthClass="w-[min(40rem,calc(100vw-1.5rem))]"
    >
      <p className="-mt-2 text-sm text-slate-600">
        Tasks without a time, placed into free planner time{" "}
        {week.from > requestedAt
          ? `in the week of ${formatWeekRange(week, timeZone)}`
          : "from now until the end of this week"}
        .
      </p>
      <div className="flex items-center gap-2 text-sm">
        <input
          id={splitId}
          type="checkbox"
          checked={split}
          onChange={(event) => setSplit(event.target.checked)}
          disabled={commit.isPending}
        />
        <label htmlFor={splitId}>
          Split a task that fits no free slot into parts of at least {MIN_PART_MINUTES} min
        </label>
      </div>
      {/* A long plan scrolls here; a keyboard can only scroll a region it can focus (axe: scrollable-region-focusable). */}
      <section
        className="min-h-24 overflow-y-auto"
        aria-label="Planned changes"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled
        tabIndex={0}
        aria-live="polite"
        aria-busy={preview.isFetching}
      >
        {input === null ? (
          <p className="text-sm text-slate-600">This week is over; there is nothing left to plan in it.</p>
        ) : preview.isPending ? (
          <Loading label="Working out the plan…" />
        ) : preview.isError ? (
          <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
        ) : (
          <PlanPreviewList preview={preview.data} timeZone={timeZone} />
        )}
      </section>
      <FormError error={commit.error ? describeError(commit.error) : null} />
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass.secondary} onClick={onClose} disabled={commit.isPending}>
          Cancel
        </button>
        <button
          type="button"
          className={buttonClass.primary}
          disabled={!hasChanges || input === null || commit.isPending || preview.isFetching}
          onClick={() => {
            if (input) commit.mutate(input);
          }}
        >
          {commit.isPending ? "Applying…" : "Apply"}
        </button>
      </div>
    </Modal>
  );
}
