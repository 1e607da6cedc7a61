import type { RouterInputs } from "@agendacraft/api";
import { DateTime } from "luxon";

type ListTasksInput = NonNullable<RouterInputs["scheduler"]["tasks"]["list"]>;

/** The project page's filters as the URL keeps them, so a filtered view can be shared and reloaded. */
export type TaskFilters = {
  status: "open" | "done";
  scheduled: "any" | "yes" | "no";
  /** "YYYY-MM-DD" in the person's zone: due by the end of that day; "" for any. */
  dueBy: string;
  /** "0".."5"; "" for any. */
  priorityMin: string;
  q: string;
  view: "" | "high_priority" | "schedulable";
};

export const NO_FILTERS: TaskFilters = {
  status: "open",
  scheduled: "any",
  dueBy: "",
  priorityMin: "",
  q: "",
  view: "",
};

const PRIORITIES = ["0", "1", "2", "3", "4", "5"];

/** Filters from the URL; anything unknown (a hand-edited link) falls back to "no filter". */
export function filtersFromSearchParams(params: URLSearchParams): TaskFilters {
  const status = params.get("status");
  const scheduled = params.get("scheduled");
  const view = params.get("view");
  const dueBy = params.get("due") ?? "";
  const priorityMin = params.get("priority") ?? "";
  return {
    status: status === "done" ? "done" : "open",
    scheduled: scheduled === "yes" || scheduled === "no" ? scheduled : "any",
    dueBy: DateTime.fromISO(dueBy).isValid && /^\d{4}-\d{2}-\d{2}$/.test(dueBy) ? dueBy : "",
    priorityMin: PRIORITIES.includes(priorityMin) ? priorityMin : "",
    q: (params.get("q") ?? "").slice(0, 200),
    view: view === "high_priority" || view === "schedulable" ? view : "",
  };
}

/** The URL's search params for the filters; defaults are left out so a plain view has a plain URL. */
export function filtersToSearchParams(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== "open") params.set("status", filters.status);
  if (filters.scheduled !== "any") params.set("scheduled", filters.scheduled);
  if (filters.dueBy) params.set("due", filters.dueBy);
  if (filters.priorityMin) params.set("priority", filters.priorityMin);
  if (filters.q.trim()) params.set("q", filters.q);
  if (filters.view) params.set("view", filters.view);
  return params;
}

export function hasFilters(filters: TaskFilters): boolean {
  return filtersToSearchParams(filters).size > 0;
}

/** `scheduler.tasks.list`'s input for one project's tasks with these filters (without the cursor). */
export function filtersToListInput(
  projectId: string,
  filters: TaskFilters,
  timeZone: string,
  limit: number,
): Omit<ListTasksInput, "cursor"> {
  const q = filters.q.trim();
  // "Due by 3 March" includes that whole day in the person's zone: before the next midnight.
  const dueBefore = filters.dueBy
    ? DateTime.fromISO(filters.dueBy, { zone: timeZone }).plus({ days: 1 }).startOf("day").toJSDate()
    : undefined;
  return {
    projectId,
    limit,
    isComplete: filters.status === "done",
    ...(filters.scheduled === "any" ? {} : { scheduled: filters.scheduled === "yes" }),
    ...(dueBefore ? { dueBefore } : {}),
    ...(filters.priorityMin ? { priorityMin: Number(filters.priorityMin) } : {}),
    ...(q ? { q } : {}),
    ...(filters.view ? { view: filters.view } : {}),
  };
}
