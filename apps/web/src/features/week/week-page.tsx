import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useMe } from "../../auth/require-session.tsx";
import { LoadError, Loading } from "../../ui/states.tsx";
import { DayPicker } from "./day-picker.tsx";
import { OpenedAheadNote } from "./opened-ahead-note.tsx";
import { PlanActionsBar } from "./plan-actions-bar.tsx";
import { PlanPreviewDialog } from "./plan-preview-dialog.tsx";
import { TaskDetailsDialog } from "./task-details-dialog.tsx";
import { taskTimeUpdate } from "./task-time-update.ts";
import { useWithoutDeletedTasks } from "./use-hidden-deleted-tasks.ts";
import { useMediaQuery } from "./use-media-query.ts";
import { useMoveTaskTime } from "./use-move-task-time.ts";
import { useOpeningDay } from "./use-opening-day.ts";
import { useWeekData } from "./use-week-data.ts";
import { useWorkDays } from "./use-work-days.ts";
import { WeekCalendar } from "./week-calendar.tsx";
import { WeekLegend } from "./week-legend.tsx";
import { daysOfWeek, formatWeekRange, shiftWeek, toLocalDate, weekContaining, weekFromParam } from "./week-range.ts";
import { WeekToolbar } from "./week-toolbar.tsx";
import type { WeekRange } from "./week-types.ts";

/**
 * The person's week in their own zone: planner time shaded, tasks as blocks to drag, and
 * the planner one click away. Seven columns need room; a phone shows one day at a time.
 */
export function WeekPage() {
  const { timeZone } = useMe();
  const [params, setParams] = useSearchParams();
  const weekParam = params.get("week");
  const wide = useMediaQuery("(min-width: 768px)", true);
  // A phone shows one day: it opens on the next working day, even when that is next week.
  const opening = useOpeningDay(timeZone, !wide && !weekParam);
  const week = useMemo(() => weekFromParam(weekParam ?? opening, new Date(), timeZone), [weekParam, opening, timeZone]);
  const now = new Date();
  const today = toLocalDate(now, timeZone);
  const days = daysOfWeek(week, timeZone);
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  // The phone opened on a working day of a later week than today's (at the weekend, say).
  const openedAhead =
    !weekParam && opening !== null && !daysOfWeek(weekContaining(now, timeZone), timeZone).includes(opening);
  const selectedDay = [pickedDay, opening, today].find((day) => day && days.includes(day)) ?? days[0] ?? today;
  const workDays = useWorkDays(week, timeZone);
  const [planRequestedAt, setPlanRequestedAt] = useState<Date | null>(null);
  const [openTask, setOpenTask] = useState<{ taskId: string; movable: boolean } | null>(null);

  const data = useWeekData(week);
  const events = useWithoutDeletedTasks(data.events);
  const move = useMoveTaskTime(week);
  const goTo = (weekStart: Date | null) => {
    setPickedDay(null);
    setParams(weekStart ? { week: toLocalDate(weekStart, timeZone) } : {});
  };

  return (
    <div className="flex flex-col gap-3">
      <WeekToolbar
        title={formatWeekRange(week, timeZone)}
        isThisWeek={now >= week.from && now < week.to}
        onPrevious={() => goTo(shiftWeek(week, -1, timeZone).from)}
        onThisWeek={() => goTo(null)}
        onNext={() => goTo(shiftWeek(week, 1, timeZone).from)}
      />
      <PlanActionsBar weekIsOver={now >= week.to} onPlan={() => setPlanRequestedAt(new Date())} />
      <WeekLegend
        timeZone={timeZone}
        projects={data.shownProjects}
        showGoogleMark={events.some((event) => event.extendedProps?.inGoogle === true)}
      />
      {openedAhead && opening ? (
        <OpenedAheadNote
          day={opening}
          timeZone={timeZone}
          onShowThisWeek={() => goTo(weekContaining(now, timeZone).from)}
        />
      ) : null}
      {wide ? null : (
        <DayPicker days={days} selected={selectedDay} today={today} workDays={workDays} onSelect={setPickedDay} />
      )}
      {data.error ? (
        <LoadError error={data.error} onRetry={data.retry} />
      ) : (
        <>
          {data.isPending || data.isUpdating ? <Loading label="Loading the week…" /> : null}
          <div className="rounded-lg border border-slate-200 bg-white p-1 sm:p-2">
            <WeekCalendar
              events={events}
              timeZone={timeZone}
              view={
                wide ? { type: "timeGridWeek", date: days[0] ?? today } : { type: "timeGridDay", date: selectedDay }
              }
              onTaskTimeChange={(change) => move.mutate(taskTimeUpdate(change), { onError: change.revert })}
              onTaskOpen={setOpenTask}
            />
          </div>
        </>
      )}
      {openTask ? (
        <TaskDetailsDialog
          taskId={openTask.taskId}
          week={movableWeek(openTask.movable, week)}
          onClose={() => setOpenTask(null)}
        />
      ) : null}
      {planRequestedAt ? (
        <PlanPreviewDialog
          week={week}
          requestedAt={planRequestedAt}
          timeZone={timeZone}
          onClose={() => setPlanRequestedAt(null)}
        />
      ) : null}
    </div>
  );
}

/** The week to move a task within, or null when its time is fixed (a part of a split task, a done task). */
function movableWeek(movable: boolean, week: WeekRange): WeekRange | null {
  return movable ? week : null;
}
