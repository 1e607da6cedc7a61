import { AddCalendarFeedForm } from "./add-calendar-feed-form.tsx";
import { CalendarFeedList } from "./calendar-feed-list.tsx";

/** Calendars that supply busy time: the planner goes around their events and the week shows them. */
export function CalendarFeedsSection() {
  return (
    <div className="flex flex-col gap-5">
      <AddCalendarFeedForm />
      <CalendarFeedList />
    </div>
  );
}
