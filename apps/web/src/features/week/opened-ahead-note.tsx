import { DateTime } from "luxon";

type OpenedAheadNoteProps = {
  /** The working day the phone view opened on (yyyy-mm-dd), in a later week than today. */
  day: string;
  timeZone: string;
  onShowThisWeek: () => void;
};

/**
 * On a phone the week opens on the next working day. When that day is in next week
 * (at the weekend, or after Friday's hours), say so instead of silently showing another week.
 */
export function OpenedAheadNote({ day, timeZone, onShowThisWeek }: OpenedAheadNoteProps) {
  const name = DateTime.fromISO(day, { zone: timeZone }).toFormat("cccc d LLLL");
  return (
    <p role="status" className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
      No working hours are left this week, so this is your next working day, {name}.{" "}
      <button type="button" className="font-medium underline" onClick={onShowThisWeek}>
        Show this week
      </button>
    </p>
  );
}
