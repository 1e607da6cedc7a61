-- Busy time from every source in one place: the planner, the week view and calendars.busy
-- read this view, so a new source (Google) counts everywhere at once.
-- iCal feeds: the feed is both the connection and the calendar. Google: an event counts
-- when the busy rules left it busy and its calendar counts as busy (so toggling a
-- calendar takes effect without a sync).
CREATE VIEW "busy_time" AS
  SELECT b."id", b."userId", 'ical' AS "kind", b."feedId" AS "connectionId", b."feedId" AS "calendarId",
         b."summary", b."start", b."end"
    FROM "busy_events" b
  UNION ALL
  SELECT e."id", e."userId", 'google' AS "kind", c."connectionId", e."calendarId",
         e."summary", e."start", e."end"
    FROM "calendar_events" e
    JOIN "connected_calendars" c ON c."id" = e."calendarId"
   WHERE e."busy" AND c."busy";
