import { useQuery } from "@tanstack/react-query";
import type { SelectHTMLAttributes } from "react";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";

/** The server's largest page; a person with more active projects than this picks from the first 200. */
const PROJECT_LIMIT = 200;

/** The active projects a task can go into, for selects and for naming a project in messages. */
export function useProjectChoices() {
  const trpc = useTRPC();
  return useQuery(trpc.scheduler.projects.list.queryOptions({ limit: PROJECT_LIMIT }));
}

type ProjectSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  /** null: no project, the task stays in the inbox. */
  value: string | null;
  onChange: (projectId: string | null) => void;
};

/** Where a task goes: the inbox or one of the person's active projects. */
export function ProjectSelect({ value, onChange, className, ...rest }: ProjectSelectProps) {
  const projects = useProjectChoices();
  return (
    <select
      {...rest}
      className={`${inputClass} ${className ?? ""}`}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value === "" ? null : event.target.value)}
    >
      <option value="">No project (Inbox)</option>
      {projects.data?.items.map((project) => (
        <option key={project.id} value={project.id}>
          {project.name}
        </option>
      ))}
      {projects.isPending ? <option disabled>Loading projects…</option> : null}
      {projects.isError ? <option disabled>Projects could not be loaded</option> : null}
    </select>
  );
}
