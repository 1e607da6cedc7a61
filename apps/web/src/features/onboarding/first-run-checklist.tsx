import { Link } from "react-router";
import { useMe } from "../../auth/require-session.tsx";
import { buttonClass } from "../../ui/button.ts";
import { useChecklistDismissal } from "./checklist-dismissal.ts";
import { useOnboardingProgress } from "./use-onboarding-progress.ts";

type Step = { key: string; done: boolean; title: string; hint: string; to: string; action: string };

/**
 * The newcomer's three steps to a first plan, each ticked from what they really did. Put
 * away with Dismiss, and gone for good once all three are done.
 */
export function FirstRunChecklist() {
  const me = useMe();
  const [dismissed, dismiss] = useChecklistDismissal(me.id);
  const progress = useOnboardingProgress({ enabled: !dismissed });
  if (dismissed || !progress.data) return null;
  const { hasTasks, hasPlanner, hasPlanRun } = progress.data;
  if (hasTasks && hasPlanner && hasPlanRun) return null;

  const steps: Step[] = [
    {
      key: "tasks",
      done: hasTasks,
      title: "Add tasks",
      hint: "What you need to get done, with how long each takes.",
      to: "/inbox",
      action: "Add a task",
    },
    {
      key: "planner",
      done: hasPlanner,
      title: "Set your working hours",
      hint: "A planner says when tasks may be placed, e.g. weekdays 09:00-17:00.",
      to: "/planners",
      action: "Create a planner",
    },
    {
      key: "plan",
      done: hasPlanRun,
      title: "Plan your week",
      hint: "AgendaCraft places your tasks into free working hours; you review before applying.",
      to: "/week",
      action: "Plan my week",
    },
  ];
  const doneCount = steps.filter((step) => step.done).length;
  return (
    <section aria-labelledby="first-run-heading" className="rounded-lg border border-indigo-200 bg-indigo-50/60 p-4">
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 id="first-run-heading" className="font-semibold text-slate-900">
            Get started
          </h2>
          <p className="text-sm text-slate-600">{doneCount} of 3 done</p>
        </div>
        <button type="button" className={buttonClass.secondary} onClick={dismiss}>
          Dismiss
        </button>
      </div>
      <ol className="mt-3 flex flex-col gap-2" aria-label="Getting started steps">
        {steps.map((step) => (
          <li key={step.key} className="flex items-start gap-2 text-sm" data-done={step.done}>
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full border text-[10px] ${
                step.done ? "border-emerald-700 bg-emerald-700 text-white" : "border-slate-400 bg-white"
              }`}
            >
              {step.done ? "✓" : ""}
            </span>
            <div className="min-w-0">
              <p className={step.done ? "text-slate-600 line-through" : "font-medium text-slate-900"}>
                {step.title}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </p>
              {step.done ? null : (
                <p className="text-slate-600">
                  {step.hint}{" "}
                  <Link to={step.to} className="font-medium text-indigo-700 underline underline-offset-2">
                    {step.action}
                  </Link>
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
