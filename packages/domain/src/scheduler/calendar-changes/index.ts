// Changes a person made to tasks through their calendar (the Google write-back's inbound side).
// Its own entry, apart from tasks/, because tasks/ reads busy time from calendars: the
// calendars domain importing tasks/ would close a cycle.
export { noteGoogleChangeIgnored } from "./note-google-change-ignored.ts";
export { renameTaskFromCalendar } from "./rename-task-from-calendar.ts";
export { type RescheduleFromCalendarInput, rescheduleTaskFromCalendar } from "./reschedule-task-from-calendar.ts";
export { unscheduleTaskFromCalendar } from "./unschedule-task-from-calendar.ts";
