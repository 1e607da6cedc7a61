export {
  ALL_DAY_OFFSITE,
  BERLIN_VTIMEZONE,
  CANCELLED_DENTIST,
  calendarText,
  GOOGLE_FEED,
  LAST_YEAR,
  LUNCH,
  NEW_YORK_CALL,
  TRANSPARENT_REMINDER,
  WEEKLY_MEETING,
} from "./feed-fixtures.ts";
export { startTestCalendarServer, type TestCalendarServer } from "./start-test-calendar-server.ts";
