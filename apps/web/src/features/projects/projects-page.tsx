import { LoadError, Loading } from "../../ui/states.tsx";
import { CreateAreaForm } from "./create-area-form.tsx";
import { CreateProjectForm } from "./create-project-form.tsx";
import { ProjectsOverview } from "./projects-overview.tsx";
import { useAreas } from "./use-areas.ts";

/** /projects: every area and project with their task counts, and forms to add more. */
export function ProjectsPage() {
  const { query, areas, complete } = useAreas();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Projects</h1>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div>
          {query.isPending ? (
            <Loading label="Loading projects…" />
          ) : query.isError ? (
            <LoadError error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <ProjectsOverview areas={areas} areasComplete={complete} />
          )}
        </div>
        <aside className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-4" aria-label="Add">
          <CreateProjectForm areas={areas} />
          <CreateAreaForm />
        </aside>
      </div>
    </div>
  );
}
