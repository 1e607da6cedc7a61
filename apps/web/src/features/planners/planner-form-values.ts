import type { RouterInputs, RouterOutputs } from "@agendacraft/api";
import { DateTime } from "luxon";
import { choiceFromRule, type RepeatChoice, repeatSource } from "./repeat-choice.ts";

export type PlannerItem = RouterOutputs["scheduler"]["planners"]["list"]["items"][number];
type PreviewInput = RouterInputs["scheduler"]["recurrence"]["preview"];

/** The planner form's state, as typed; turned into API inputs only when asked. */
export type PlannerFormValues = {
  name: string;
  repeat: RepeatChoice;
  /** "HH:MM" in the planner's zone. */
  startTime: string;
  hours: string;
  minutes: string;
  /** "YYYY-MM-DD" in the planner's zone. */
  startDate: string;
  timeZone: string;
};

/** A new planner: working hours on weekdays from today, in the person's zone. */
export function newPlannerValues(timeZone: string, now: Date): PlannerFormValues {
  return {
    name: "",
    repeat: { kind: "weekdays", days: ["MO"], monthDay: "1", rule: "" },
    startTime: "09:00",
    hours: "8",
    minutes: "0",
    startDate: DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? "",
    timeZone,
  };
}

export function plannerValues(planner: PlannerItem): PlannerFormValues {
  return {
    name: planner.name,
    repeat: choiceFromRule(planner.recurrence),
    startTime: planner.startTime,
    hours: String(Math.floor(planner.minutes / 60)),
    minutes: String(planner.minutes % 60),
    startDate: planner.startDate,
    timeZone: planner.timeZone,
  };
}

/** Hours and minutes as the one number the API keeps; NaN (the server says why) when not numbers. */
export function totalMinutes(values: Pick<PlannerFormValues, "hours" | "minutes">): number {
  const hours = values.hours.trim() === "" ? 0 : Number(values.hours);
  const minutes = values.minutes.trim() === "" ? 0 : Number(values.minutes);
  return hours * 60 + minutes;
}

export const PREVIEW_COUNT = 50;

/**
 * The preview request for the form, or null while it lacks a rule, date or time. Presets
 * repeat every period from their first day, so their preview may start today instead of at
 * a start date long past (same future windows, and the first of them are the next ones); a
 * custom rule can count from its start (INTERVAL, COUNT), so it is previewed from there.
 */
export function previewRequest(values: PlannerFormValues, now: Date): PreviewInput | null {
  const source = repeatSource(values.repeat);
  if (!source || !/^\d{2}:\d{2}$/.test(values.startTime)) return null;
  const today = DateTime.fromJSDate(now, { zone: values.timeZone }).toISODate();
  const date = "preset" in source && today && values.startDate < today ? today : values.startDate;
  const start = DateTime.fromISO(`${date}T${values.startTime}`, { zone: values.timeZone });
  if (!start.isValid) return null;
  return { ...source, start: start.toJSDate(), timeZone: values.timeZone, count: PREVIEW_COUNT };
}

/** The fields create and update share, with the canonical rule the preview returned. */
export function plannerInput(values: PlannerFormValues, recurrence: string) {
  return {
    name: values.name,
    recurrence,
    startDate: values.startDate,
    startTime: values.startTime,
    minutes: totalMinutes(values),
    timeZone: values.timeZone,
  };
}
