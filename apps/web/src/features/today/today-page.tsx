import { useQuery } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { Link } from "react-router";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { LoadError, Loading } from "../../ui/states.tsx";
import { FirstRunChecklist } from "../onboarding/first-run-checklist.tsx";
import type { Task } from "../tasks/task-types.ts";
import { useTaskListActions } from "../tasks/use-task-list-actions.ts";
import { ConflictBadge } from "./conflict-badge.tsx";
import { KeptOccurrences } from "./kept-occurrences.tsx";
import { TaskSection } from "./task-section.tsx";
import { useReplanOverdue } from "./use-replan-overdue.ts";

/** An overdue task needs a new time unless it already has one to come (a passed deadline, planned later). */
function needsNewTime(task: Task, now: Date): boolean {
  return task.startTime === null || (task.endTime !== null && task.endTime < now);
}

/** /today: what is overdue (with one-click Re-plan), what is planned today in time order, and what is due today. */
export function TodayPage() {
  const trpc = useTRPC();
  const today = useQuery({
    ...trpc.scheduler.tasks.today.queryOptions(),
    // Tasks change on many pages (plans, quick add, the week); the day is read fresh on every visit.
    refetchOnMount: "always",
  });
  const actions = useTaskListActions();
  const replan = useReplanOverdue();

  if (today.isPending) return <Loading label="Loading your day…" />;
  if (today.isError) return <LoadError error={today.error} onRetry={() => void today.refetch()} />;

  const { data } = today;
  const now = new Date();
  const replannable = data.overdue.filter((task) => needsNewTime(task, now));
  const conflicts = new Set(data.conflictIds);
  const heading = DateTime.fromISO(data.date, { zone: data.timeZone }).toFormat("cccc d LLLL");

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Today</h1>
        <p className="text-sm text-slate-600">{heading}</p>
      </div>
      <FirstRunChecklist />
      <TaskSection
        title="Overdue"
        tasks={data.overdue}
        timeZone={data.timeZone}
        actions={actions}
        startAs="date"
        empty="Nothing overdue"
        action={
          replannable.length > 0 ? (
            <button
              type="button"
              className={`${buttonClass.secondary} ml-auto`}
              disabled={replan.isPending}
              onClick={() => replan.mutate({})}
            >
              {replan.isPending ? "Re-planning…" : "Re-plan all overdue"}
            </button>
          ) : null
        }
        rowExtra={(task) =>
          needsNewTime(task, now) ? (
            <button
              type="button"
              className={buttonClass.ghost}
              aria-label={`Re-plan "${task.summary}"`}
              disabled={replan.isPending}
              onClick={() => replan.mutate({ taskIds: [task.id] })}
            >
              Re-plan
            </button>
          ) : null
        }
      />
      <TaskSection
        title="Scheduled today"
        tasks={data.scheduled}
        timeZone={data.timeZone}
        actions={actions}
        empty="Nothing planned for the rest of today"
        rowBadge={(task) => (conflicts.has(task.id) ? <ConflictBadge /> : null)}
      />
      <KeptOccurrences occurrences={data.occurrences} timeZone={data.timeZone} />
      {data.scheduled.length === 0 && data.occurrences.length === 0 ? (
        <p className="-mt-4 text-sm text-slate-600">
          <Link className="text-indigo-700 underline" to="/week">
            Plan your week
          </Link>{" "}
          to give your tasks a time.
        </p>
      ) : null}
      <TaskSection
        title="Due today"
        tasks={data.due}
        timeZone={data.timeZone}
        actions={actions}
        startAs="date"
        empty="Nothing else is due today"
      />
      {data.truncated ? (
        <p className="text-sm text-slate-600">Only the first 500 tasks of each list are shown.</p>
      ) : null}
    </div>
  );
}
