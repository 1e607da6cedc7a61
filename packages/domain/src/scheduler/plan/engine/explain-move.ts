import { WEEKDAY_NAMES } from "../../../shared/calendar-names.ts";
import { getZoneResolver } from "../../recurrence/get-zone-resolver.ts";
import { formatLocalDay } from "./format-local-day.ts";

/**
 * "Moved to Thursday 4 Jun to make room for Tax return": why a block the planner placed
 * earlier moved, naming the task it gave way to.
 */
export function explainMove({
  to,
  forSummary,
  timeZone,
}: {
  to: number;
  forSummary: string;
  timeZone: string;
}): string {
  const wall = new Date(getZoneResolver(timeZone).toWall(to));
  const weekday = WEEKDAY_NAMES[(wall.getUTCDay() + 6) % 7] ?? "";
  const date = formatLocalDay(to, timeZone).split(" ").slice(1).join(" ");
  return `Moved to ${weekday} ${date} to make room for ${forSummary}`;
}
