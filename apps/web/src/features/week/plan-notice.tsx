import { Link } from "react-router";
import type { PlanPreview } from "./week-types.ts";

type PlanNotice = NonNullable<PlanPreview["notice"]>;

/** Where the person fixes each cause; "every task has a time" needs no fixing. */
const FIX_LINKS: Record<PlanNotice["code"], { to: string; label: string } | null> = {
  "scheduler.plan.no_tasks": { to: "/inbox", label: "Add a task" },
  "scheduler.plan.all_scheduled": null,
  "scheduler.plan.no_planner": { to: "/planners", label: "Create a planner" },
  "scheduler.plan.planners_paused": { to: "/planners", label: "Open planners" },
};

/** The one reason a plan places nothing, said once, with a link to where it is fixed. */
export function PlanNoticeMessage({ notice }: { notice: PlanNotice }) {
  const fix = FIX_LINKS[notice.code];
  return (
    <div
      role="status"
      data-code={notice.code}
      className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm"
    >
      <p className="font-medium text-slate-800">{notice.message}</p>
      {fix ? (
        <Link to={fix.to} className="mt-2 inline-block font-medium text-indigo-700 underline underline-offset-2">
          {fix.label}
        </Link>
      ) : null}
    </div>
  );
}
