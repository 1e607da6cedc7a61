import { buttonClass } from "../../ui/button.ts";
import { useUndoablePlanRun, useUndoPlan } from "./use-plan-actions.ts";

type PlanActionsBarProps = {
  weekIsOver: boolean;
  onPlan: () => void;
};

/** "Plan my week", and "Undo last plan" while the latest plan run can still be undone. */
export function PlanActionsBar({ weekIsOver, onPlan }: PlanActionsBarProps) {
  const run = useUndoablePlanRun();
  const undo = useUndoPlan();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={buttonClass.primary}
        onClick={onPlan}
        disabled={weekIsOver}
        aria-describedby={weekIsOver ? "week-over-hint" : undefined}
      >
        Plan my week
      </button>
      {run ? (
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => undo.mutate({ runId: run.id })}
          disabled={undo.isPending}
        >
          {undo.isPending ? "Undoing…" : "Undo last plan"}
        </button>
      ) : null}
      {weekIsOver ? (
        <p id="week-over-hint" className="text-sm text-slate-500">
          This week is over; there is nothing left to plan in it.
        </p>
      ) : null}
    </div>
  );
}
