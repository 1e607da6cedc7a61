/** A heading and the projects under it; `area` null is the "No area" group. */
export type ProjectGroup<A, P> = { area: A | null; projects: P[] };

/**
 * Projects under their areas, in the areas' order, then the projects without an area.
 * Every area gets a group, even without projects, so it can be renamed or deleted; a
 * project whose area is not among `areas` (not loaded yet) waits in no group rather than
 * landing under the wrong heading.
 */
export function groupProjectsByArea<A extends { id: string }, P extends { areaId: string | null }>(
  areas: A[],
  projects: P[],
): ProjectGroup<A, P>[] {
  const byArea = new Map<string, P[]>(areas.map((area) => [area.id, []]));
  const noArea: P[] = [];
  for (const project of projects) {
    if (project.areaId === null) noArea.push(project);
    else byArea.get(project.areaId)?.push(project);
  }
  const groups: ProjectGroup<A, P>[] = areas.map((area) => ({ area, projects: byArea.get(area.id) ?? [] }));
  return [...groups, { area: null, projects: noArea }];
}
