import { PRIORITY_LEVELS } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { type FormEvent, useEffect, useState } from "react";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { hasFilters, NO_FILTERS, type TaskFilters } from "./task-filters.ts";

/** How long typing in the search box waits before the list is asked again. */
const SEARCH_DELAY_MS = 300;

type TaskFilterFormProps = { filters: TaskFilters; onChange: (filters: TaskFilters) => void };

/** The task list's filters, the same ones `scheduler.tasks.list` takes; each change applies at once. */
export function TaskFilterForm({ filters, onChange }: TaskFilterFormProps) {
  const [q, setQ] = useState(filters.q);

  // The URL is the source of truth: "Clear filters" or Back change it under the search box.
  useEffect(() => setQ(filters.q), [filters.q]);

  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  const set = <K extends keyof TaskFilters>(key: K, value: TaskFilters[K]) => onChange({ ...filters, q, [key]: value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q });
  };

  return (
    <form
      aria-label="Filter tasks"
      onSubmit={onSubmit}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6"
    >
      <Field label="Search" className="col-span-2 sm:col-span-3 lg:col-span-2">
        {(control) => (
          <input
            {...control}
            type="search"
            className={inputClass}
            value={q}
            maxLength={200}
            placeholder="Summary or description"
            onChange={(event) => setQ(event.target.value)}
          />
        )}
      </Field>
      <Field label="Status">
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={filters.status}
            onChange={(event) => set("status", event.target.value === "done" ? "done" : "open")}
          >
            <option value="open">Open</option>
            <option value="done">Done</option>
          </select>
        )}
      </Field>
      <Field label="Scheduled">
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={filters.scheduled}
            onChange={(event) => {
              const value = event.target.value;
              set("scheduled", value === "yes" || value === "no" ? value : "any");
            }}
          >
            <option value="any">Any</option>
            <option value="yes">Scheduled</option>
            <option value="no">Not scheduled</option>
          </select>
        )}
      </Field>
      <Field label="Due by">
        {(control) => (
          <input
            {...control}
            type="date"
            className={inputClass}
            value={filters.dueBy}
            onChange={(event) => set("dueBy", event.target.value)}
          />
        )}
      </Field>
      <Field label="Minimum priority">
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={filters.priorityMin}
            onChange={(event) => set("priorityMin", event.target.value)}
          >
            <option value="">Any</option>
            {PRIORITY_LEVELS.filter((level) => level.value > 0).map((level) => (
              <option key={level.value} value={String(level.value)}>
                {level.value === 5 ? level.label : `${level.label} or higher`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="View">
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={filters.view}
            onChange={(event) => {
              const value = event.target.value;
              set("view", value === "high_priority" || value === "schedulable" ? value : "");
            }}
          >
            <option value="">All tasks</option>
            <option value="high_priority">High priority</option>
            <option value="schedulable">Schedulable</option>
          </select>
        )}
      </Field>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        {/* Enter in the search box applies it without waiting; the button is for those who look for one. */}
        <button type="submit" className={`${buttonClass.secondary} sr-only focus:not-sr-only`}>
          Apply search
        </button>
        {hasFilters(filters) ? (
          <button type="button" className={buttonClass.ghost} onClick={() => onChange(NO_FILTERS)}>
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
