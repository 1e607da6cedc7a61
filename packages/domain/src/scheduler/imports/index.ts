// Bulk writes for imports from other apps (Todoist): append many tasks, areas and projects
// in the caller's transaction, keeping positions contiguous.
export {
  createImportedArea,
  createImportedProject,
  lockImportedContainers,
} from "./create-imported-containers.ts";
export { type ImportedTask, insertImportedTasks } from "./insert-imported-tasks.ts";
