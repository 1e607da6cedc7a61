import type { AccountState, NewTask } from "./account-state.ts";

export type SeedTask = Omit<NewTask, "project_id" | "section_id" | "parent_id"> & {
  /** A section name of the project the task is in. */
  section?: string;
  subTasks?: SeedTask[];
};

export type SeedProject = {
  name: string;
  sections?: string[];
  /** Sub-projects (Todoist nests projects under a parent). */
  children?: SeedProject[];
  tasks?: SeedTask[];
};

export type SeedSpec = { labels?: string[]; projects?: SeedProject[]; inboxTasks?: SeedTask[] };

/** The ids the seed created, by name: projects by name, sections as "Project/Section", tasks by content. */
export type SeededIds = {
  projects: Record<string, string>;
  sections: Record<string, string>;
  tasks: Record<string, string>;
};

export function seedAccount(state: AccountState, spec: SeedSpec): SeededIds {
  const ids: SeededIds = { projects: {}, sections: {}, tasks: {} };
  for (const name of spec.labels ?? []) state.addLabel({ name });
  const addTasks = (tasks: SeedTask[], projectId: string, projectName: string, parentId?: string) => {
    for (const { section, subTasks, ...task } of tasks) {
      const sectionId = section ? ids.sections[`${projectName}/${section}`] : undefined;
      if (section && !sectionId) throw new Error(`No section "${section}" in project "${projectName}".`);
      const created = state.addTask({
        ...task,
        project_id: projectId,
        ...(sectionId ? { section_id: sectionId } : {}),
        ...(parentId ? { parent_id: parentId } : {}),
      });
      ids.tasks[task.content] = created.id;
      if (subTasks) addTasks(subTasks, projectId, projectName, created.id);
    }
  };
  const addProjects = (projects: SeedProject[], parentId: string | null) => {
    for (const project of projects) {
      const created = state.addProject({ name: project.name, parent_id: parentId });
      ids.projects[project.name] = created.id;
      for (const section of project.sections ?? []) {
        ids.sections[`${project.name}/${section}`] = state.addSection({ name: section, project_id: created.id }).id;
      }
      addTasks(project.tasks ?? [], created.id, project.name);
      addProjects(project.children ?? [], created.id);
    }
  };
  addProjects(spec.projects ?? [], null);
  addTasks(spec.inboxTasks ?? [], state.user.inbox_project_id, "Inbox");
  return ids;
}

export type GenerateOptions = {
  projects?: number;
  tasks?: number;
  /** How many of the tasks recur (every day, every weekday, every week, every 2 days, every monday, in turn). */
  recurring?: number;
  /** Every Nth task is a sub-task of the task before it; default 10 (0: none). */
  subTaskEvery?: number;
};

const PATTERNS = ["every day", "every weekday", "every week", "every 2 days", "every monday"];

/**
 * A deterministic account of many tasks across projects (3 projects / 200 tasks / 10 recurring
 * for end-to-end runs, 5,000 for import timing): dues over the next two weeks for half of
 * them, durations on every third, priorities 1 to 4 in turn, a section per project.
 */
export function generateAccount(
  state: AccountState,
  options: GenerateOptions = {},
): { projectIds: string[]; taskIds: string[] } {
  const projectCount = options.projects ?? 3;
  const taskCount = options.tasks ?? 200;
  const recurring = Math.min(options.recurring ?? 10, taskCount);
  const subTaskEvery = options.subTaskEvery ?? 10;
  const today = state.today();
  const projects = Array.from({ length: projectCount }, (_, index) =>
    state.addProject({ name: `Project ${index + 1}` }),
  );
  const sections = projects.map((project) => state.addSection({ name: "Next up", project_id: project.id }));
  const taskIds: string[] = [];
  for (let index = 0; index < taskCount; index += 1) {
    const projectIndex = index % projectCount;
    const day = addDays(today, index % 14);
    const isRecurring = index < recurring;
    // The parent is the task one round earlier: the same project.
    const parentId =
      subTaskEvery > 0 && index % subTaskEvery === subTaskEvery - 1 ? taskIds[index - projectCount] : undefined;
    const task = state.addTask({
      content: `${isRecurring ? "Routine" : "Task"} ${index + 1}`,
      project_id: projects[projectIndex]?.id,
      ...(parentId ? { parent_id: parentId } : {}),
      ...(index % 5 === 0 ? { section_id: sections[projectIndex]?.id } : {}),
      priority: (index % 4) + 1,
      ...(index % 3 === 0 ? { duration: { amount: 15 + (index % 4) * 15, unit: "minute" as const } } : {}),
      ...(isRecurring
        ? { due: { string: PATTERNS[index % PATTERNS.length] as string } }
        : index % 2 === 0
          ? { due: { date: day, string: day } }
          : {}),
    });
    taskIds.push(task.id);
  }
  return { projectIds: projects.map((project) => project.id), taskIds };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
