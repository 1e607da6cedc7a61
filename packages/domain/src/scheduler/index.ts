// Each entity folder names its own exports; this file only gathers them.
export * as areas from "./areas/index.ts";
export * as planners from "./planners/index.ts";
export * as projects from "./projects/index.ts";
export * as recurrence from "./recurrence/index.ts";
export * as tasks from "./tasks/index.ts";
