export type { Completion, DueInput, NewTask, TaskPatch } from "./account-state.ts";
export { approveConsent, cancelConsent } from "./approve-consent.ts";
export type { NewAccount, RecordedRequest } from "./fake-todoist-core.ts";
export type { Fault } from "./faults.ts";
export { parseRule } from "./recurrence.ts";
export type { GenerateOptions, SeededIds, SeedProject, SeedSpec, SeedTask } from "./seed.ts";
export { seedDemoAccount } from "./seed-demo.ts";
export { type FakeTodoist, type FakeTodoistOptions, startFakeTodoist } from "./start-fake-todoist.ts";
export type { TodoistError } from "./todoist-errors.ts";
export type {
  TodoistDeadline,
  TodoistDue,
  TodoistDuration,
  TodoistLabel,
  TodoistProject,
  TodoistSection,
  TodoistTask,
  TodoistUser,
} from "./todoist-types.ts";
