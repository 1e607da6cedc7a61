import type { EventApi, EventInput } from "@fullcalendar/core";
import interactionPlugin from "@fullcalendar/interaction";
import luxon3Plugin from "@fullcalendar/luxon3";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { taskBlockProps, taskEventProps } from "./calendar-events.ts";
import { TaskBlockContent } from "./task-block.tsx";

export type TaskTimeChange = {
  taskId: string;
  start: Date;
  end: Date;
  resized: boolean;
  /** Puts the event back where it was on the calendar. */
  revert: () => void;
};

type WeekCalendarProps = {
  events: EventInput[];
  timeZone: string;
  /** The whole week, or one day of it on small screens; `date` is a calendar date ("2026-06-01"). */
  view: { type: "timeGridWeek" | "timeGridDay"; date: string };
  onTaskTimeChange: (change: TaskTimeChange) => void;
  /** A task block was clicked, or chosen with Enter; `movable` says whether its time may change. */
  onTaskOpen: (task: { taskId: string; movable: boolean }) => void;
};

const PLUGINS = [timeGridPlugin, interactionPlugin, luxon3Plugin];

/**
 * The time grid. FullCalendar renders in the person's zone through the Luxon plugin, so
 * named zones and DST changes are right whatever the browser's zone. It has no toolbar of
 * its own: the page's toolbar drives which week (and day) is shown.
 */
export function WeekCalendar({ events, timeZone, view, onTaskTimeChange, onTaskOpen }: WeekCalendarProps) {
  const report = (event: EventApi, resized: boolean, revert: () => void) => {
    const task = taskEventProps(event.extendedProps);
    if (!task || !event.start || !event.end) {
      revert();
      return;
    }
    onTaskTimeChange({ taskId: task.taskId, start: event.start, end: event.end, resized, revert });
  };
  return (
    <FullCalendar
      // initialView and initialDate are read once; a new key starts the grid at the new week or day.
      key={`${view.type}:${view.date}:${timeZone}`}
      plugins={PLUGINS}
      initialView={view.type}
      initialDate={view.date}
      timeZone={timeZone}
      firstDay={1}
      headerToolbar={false}
      allDaySlot={false}
      nowIndicator
      contentHeight={640}
      scrollTime="07:00:00"
      dayHeaderFormat="ccc d"
      slotLabelFormat="HH:mm"
      eventTimeFormat="HH:mm"
      editable
      eventResizableFromStart={false}
      events={events}
      viewDidMount={(info) => {
        // The hours scroll inside the grid; a keyboard can only scroll a region it can focus.
        for (const scroller of info.el.querySelectorAll<HTMLElement>(".fc-scroller-liquid-absolute")) {
          // No role or label: the scroller sits inside FullCalendar's ARIA grid, which allows neither.
          scroller.tabIndex = 0;
        }
      }}
      eventDidMount={(info) => {
        // Says why a block can or cannot be dragged (parts of a split task, done tasks).
        const task = taskEventProps(info.event.extendedProps);
        const hint = task?.hint ?? info.event.extendedProps.hint;
        if (typeof hint === "string" && hint) info.el.title = hint;
        // A task block opens the task: a button to assistive technology (and to the browser
        // tests, which select by role), named by its text (time, title, "done" when it is).
        if (task) info.el.setAttribute("role", "button");
      }}
      // A task block names everything in words (title, "done", time, project, priority) and
      // shows its title even when short. Rendered on every update, so a moved block's words follow it.
      eventContent={(arg) => {
        const block = taskBlockProps(arg.event.extendedProps);
        if (!block || !arg.event.start || !arg.event.end) return true;
        return (
          <TaskBlockContent
            {...block}
            title={arg.event.title}
            start={arg.event.start}
            end={arg.event.end}
            timeZone={timeZone}
          />
        );
      }}
      // Short blocks keep room for one line of text.
      eventMinHeight={18}
      // Today is told by a neutral shade (styles.css) and in words, never by the busy events' amber.
      dayHeaderContent={(arg) => (
        <span className="inline-flex items-center gap-1">
          {arg.text}
          {arg.isToday ? (
            <span className="rounded-full bg-slate-800 px-1.5 text-[10px] font-semibold uppercase text-white">
              Today
            </span>
          ) : null}
        </span>
      )}
      // Blocks are focusable links, so a keyboard can reach and open each task.
      eventInteractive
      eventClick={(info) => {
        const task = taskEventProps(info.event.extendedProps);
        if (task) onTaskOpen({ taskId: task.taskId, movable: task.movable });
      }}
      eventDrop={(info) => report(info.event, false, info.revert)}
      eventResize={(info) => report(info.event, true, info.revert)}
    />
  );
}
