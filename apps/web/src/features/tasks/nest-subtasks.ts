/** A task in a list, with the parent it is shown under (indented) when that parent is listed too. */
export type ListedTask<T> = { task: T; parent: T | null };

/**
 * The list's tasks with each sub-task moved right after its parent when both are in the list
 * (sub-tasks keep their order among themselves); a sub-task whose parent is not listed (on
 * another page, in another project, done) stays where it is, as a task of its own.
 */
export function nestSubtasks<T extends { id: string; parentId: string | null }>(tasks: T[]): ListedTask<T>[] {
  const listed = new Map(tasks.map((task) => [task.id, task]));
  const listedParent = (task: T) => (task.parentId ? (listed.get(task.parentId) ?? null) : null);
  // One level, as the server keeps it; should a parent still have one, it shows as a task of its own.
  const nestedUnder = (task: T) => {
    const parent = listedParent(task);
    return parent && !listedParent(parent) ? parent : null;
  };
  const childrenOf = new Map<string, T[]>();
  for (const task of tasks) {
    const parent = nestedUnder(task);
    if (parent) childrenOf.set(parent.id, [...(childrenOf.get(parent.id) ?? []), task]);
  }
  const result: ListedTask<T>[] = [];
  for (const task of tasks) {
    if (nestedUnder(task)) continue;
    result.push({ task, parent: null });
    for (const child of childrenOf.get(task.id) ?? []) result.push({ task: child, parent: task });
  }
  return result;
}
