import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "../../trpc.ts";
import { LoadMoreButton } from "../../ui/load-more-button.tsx";
import { EmptyState, LoadError, Loading } from "../../ui/states.tsx";
import { AreaSection } from "./area-section.tsx";
import { groupProjectsByArea } from "./group-projects-by-area.ts";
import { ProjectRow } from "./project-row.tsx";
import type { AreaItem, ProjectItem } from "./project-types.ts";

const PROJECTS_PAGE_SIZE = 200;

/** The areas with their projects, "No area" last; archived projects only on request. */
export function ProjectsOverview({ areas, areasComplete }: { areas: AreaItem[]; areasComplete: boolean }) {
  const trpc = useTRPC();
  const toggleId = useId();
  const [showArchived, setShowArchived] = useState(false);
  const projects = useInfiniteQuery(
    trpc.scheduler.projects.list.infiniteQueryOptions(
      { limit: PROJECTS_PAGE_SIZE, includeArchived: showArchived },
      // Flipping "Show archived" keeps the list (and the toggle) on screen while the other list loads.
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );

  if (projects.isPending) return <Loading label="Loading projects…" />;
  if (projects.isError) return <LoadError error={projects.error} onRetry={() => void projects.refetch()} />;

  const items = projects.data.pages.flatMap((page) => page.items);
  const groups = groupProjectsByArea(areas, items);

  return (
    <div className="flex flex-col gap-4" aria-busy={projects.isPlaceholderData}>
      <div className="flex items-center gap-2">
        <input
          id={toggleId}
          type="checkbox"
          className="size-4"
          checked={showArchived}
          onChange={(event) => setShowArchived(event.target.checked)}
        />
        <label htmlFor={toggleId} className="text-sm text-slate-700">
          Show archived
        </label>
      </div>
      {items.length === 0 && areas.length === 0 ? (
        <EmptyState title="No projects to show">
          Create a project to group related tasks.
          {showArchived ? null : " Archived projects show with “Show archived”."}
        </EmptyState>
      ) : (
        groups.map((group) =>
          group.area ? (
            <AreaSection key={group.area.id} area={group.area}>
              <ProjectList projects={group.projects} empty="No projects in this area." />
            </AreaSection>
          ) : (
            <NoAreaSection key="no-area" projects={group.projects} show={group.projects.length > 0 || !areasComplete} />
          ),
        )
      )}
      <LoadMoreButton query={projects} label="Load more projects" />
    </div>
  );
}

function NoAreaSection({ projects, show }: { projects: ProjectItem[]; show: boolean }) {
  if (!show) return null;
  return (
    <section aria-labelledby="no-area-heading" className="flex flex-col gap-2">
      <h2 id="no-area-heading" className="font-semibold text-slate-700">
        No area
      </h2>
      <ProjectList projects={projects} empty="Every project is in an area." />
    </section>
  );
}

function ProjectList({ projects, empty }: { projects: ProjectItem[]; empty: string }) {
  if (projects.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {projects.map((project) => (
        <ProjectRow key={project.id} project={project} />
      ))}
    </ul>
  );
}
