import { useQuery } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useTRPC } from "../../trpc.ts";
import { LoadError, Loading } from "../../ui/states.tsx";
import { TaskRow } from "../tasks/task-row.tsx";
import type { Task } from "../tasks/task-types.ts";
import { useTaskListActions } from "../tasks/use-task-list-actions.ts";
import { KeptOccurrenceList } from "../today/kept-occurrences.tsx";

/** "Today", "Tomorrow", then "Thursday 3 December". */
function dayTitle(date: string, index: number, timeZone: string): string {
  const day = DateTime.fromISO(date, { zone: timeZone }).toFormat("cccc d LLLL");
  if (index === 0) return `Today · ${day}`;
  if (index === 1) return `Tomorrow · ${day}`;
  return day;
}

/** /upcoming: the next 14 days in the person's zone, each with its planned tasks in time order and its deadlines. */
export function UpcomingPage() {
  const trpc = useTRPC();
  const upcoming = useQuery({
    ...trpc.scheduler.tasks.upcoming.queryOptions({ days: 14 }),
    // Tasks change on many pages (plans, quick add, the week); the days are read fresh on every visit.
    refetchOnMount: "always",
  });
  const actions = useTaskListActions();

  if (upcoming.isPending) return <Loading label="Loading the next two weeks…" />;
  if (upcoming.isError) return <LoadError error={upcoming.error} onRetry={() => void upcoming.refetch()} />;

  const { timeZone, days } = upcoming.data;
  const rows = (tasks: Task[], startAs: "date" | "time") =>
    actions
      .visible(tasks)
      .map((task) => (
        <TaskRow
          key={task.id}
          task={task}
          timeZone={timeZone}
          startAs={startAs}
          showProject
          {...actions.rowActions(task)}
        />
      ));

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-5">
      <div>
        <h1 className="text-xl font-semibold">Upcoming</h1>
        <p className="text-sm text-slate-600">The next 14 days: what is planned and what is due.</p>
      </div>
      {days.every((day) => day.scheduled.length === 0 && day.due.length === 0 && day.occurrences.length === 0) ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          Nothing planned or due in the next 14 days. Plan your week to give your tasks a time.
        </p>
      ) : null}
      {days.map((day, index) => {
        const scheduled = rows(day.scheduled, "time");
        const due = rows(day.due, "date");
        const headingId = `upcoming-${day.date}`;
        return (
          <section key={day.date} aria-labelledby={headingId} className="flex flex-col gap-1.5">
            <h2 id={headingId} className="border-b border-slate-200 pb-1 text-sm font-semibold text-slate-800">
              {dayTitle(day.date, index, timeZone)}
            </h2>
            {scheduled.length === 0 && due.length === 0 && day.occurrences.length === 0 ? (
              <p className="text-sm text-slate-500">Nothing planned</p>
            ) : null}
            {scheduled.length > 0 ? (
              <ul
                aria-label={`Planned ${day.date}`}
                className="overflow-hidden rounded-lg border border-slate-200 bg-white"
              >
                {scheduled}
              </ul>
            ) : null}
            {due.length > 0 ? (
              <>
                <h3 className="mt-1 text-xs font-medium uppercase tracking-wide text-slate-500">Due</h3>
                <ul
                  aria-label={`Due ${day.date}`}
                  className="overflow-hidden rounded-lg border border-slate-200 bg-white"
                >
                  {due}
                </ul>
              </>
            ) : null}
            {day.occurrences.length > 0 ? (
              <>
                <h3 className="mt-1 text-xs font-medium uppercase tracking-wide text-slate-500">
                  Kept for repeating tasks
                </h3>
                <KeptOccurrenceList
                  occurrences={day.occurrences}
                  timeZone={timeZone}
                  label={`Kept for repeating tasks ${day.date}`}
                />
              </>
            ) : null}
          </section>
        );
      })}
      {upcoming.data.truncated ? (
        <p className="text-sm text-slate-600">Only the first 500 planned and 500 due tasks are shown.</p>
      ) : null}
    </div>
  );
}
