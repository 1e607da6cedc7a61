import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { LoadError, Loading } from "../../ui/states.tsx";
import { TodoistMark } from "../../ui/todoist-mark.tsx";
import { DeleteProjectDialog } from "./delete-project-dialog.tsx";
import { ProjectTaskList } from "./project-task-list.tsx";
import { TaskCounts } from "./task-counts.tsx";
import { TaskFilterForm } from "./task-filter-form.tsx";
import { filtersFromSearchParams, filtersToSearchParams, type TaskFilters } from "./task-filters.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /projects/:projectId: the project's tasks, filtered by what the URL says. */
export function ProjectPage() {
  const { projectId = "" } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [deleting, setDeleting] = useState(false);
  // A malformed id cannot be a project: say so without asking the server.
  const validId = UUID.test(projectId);
  const project = useQuery({ ...trpc.scheduler.projects.byId.queryOptions({ id: projectId }), enabled: validId });
  const filters = filtersFromSearchParams(searchParams);
  // Replace, not push: each keystroke of a search is not a page to go Back to.
  const onFiltersChange = useCallback(
    (next: TaskFilters) => setSearchParams(filtersToSearchParams(next), { replace: true }),
    [setSearchParams],
  );

  if (!validId) return <ProjectNotFound />;
  if (project.isPending) return <Loading label="Loading project…" />;
  if (project.isError) {
    const error = describeError(project.error);
    // Unknown and foreign ids are NOT_FOUND; an id the server's stricter UUID check refuses is no project either.
    if (error.code === "scheduler.project_not_found" || error.kind === "validation") return <ProjectNotFound />;
    return <LoadError error={project.error} onRetry={() => void project.refetch()} />;
  }

  const { data } = project;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <Link to="/projects" className="text-sm text-indigo-700 hover:underline">
          ← All projects
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <span aria-hidden="true" className="size-3 rounded-full" style={{ backgroundColor: data.color }} />
          <h1 className="text-xl font-semibold">{data.name}</h1>
          {data.todoistId !== null ? <TodoistMark /> : null}
          {data.archivedAt ? (
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">Archived</span>
          ) : null}
          <TaskCounts open={data.openTasks} done={data.doneTasks} />
          <button
            type="button"
            className={`${buttonClass.ghost} ml-auto text-red-700`}
            onClick={() => setDeleting(true)}
          >
            Delete project
          </button>
        </div>
      </div>
      <TaskFilterForm filters={filters} onChange={onFiltersChange} />
      <ProjectTaskList projectId={data.id} filters={filters} />
      <DeleteProjectDialog
        project={data}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={() => void navigate("/projects", { replace: true })}
      />
    </div>
  );
}

function ProjectNotFound() {
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-xl font-semibold">Project not found</h1>
      <p className="text-sm text-slate-600">
        This project does not exist or was deleted.{" "}
        <Link className="text-indigo-700 underline" to="/projects">
          Back to projects
        </Link>
      </p>
    </div>
  );
}
