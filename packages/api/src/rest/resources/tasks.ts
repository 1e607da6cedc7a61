import {
  ZCompleteTaskResult,
  ZCreateTaskInput,
  ZMoveTaskInput,
  ZTask,
  ZTaskView,
  ZUpdateTaskInput,
} from "@agendacraft/domain/scheduler/tasks";
import { ZText } from "@agendacraft/domain/shared";
import { z } from "zod";
import { emptyOperation, listOperation, singleOperation } from "../rest-operation.ts";
import { queryBoolean, queryInstant, ZIdParams, ZPageQuery, ZRestId } from "../rest-query.ts";
import { nameRestOutput, restInputSchema } from "../rest-schema.ts";

const TAG = "Tasks";
nameRestOutput(ZTask, "Task");

/** `GET /tasks/` filters: the tRPC list's, in the original API's names (`start_time` is "starting at or after"). */
const ZTaskListQuery = ZPageQuery.extend({
  project_id: ZRestId.optional().meta({ description: "Only this project's tasks." }),
  inbox: queryBoolean("true: only tasks in no project (the inbox).").optional(),
  area_id: ZRestId.optional().meta({ description: "Only tasks in this area (directly or through a project)." }),
  planner_id: ZRestId.optional().meta({ description: "Only tasks placed by this planner." }),
  is_complete: queryBoolean("true: completed tasks; false (the default): open tasks.").optional(),
  scheduled: queryBoolean("true: only tasks with a start time; false: only tasks without.").optional(),
  start_time: queryInstant("Only tasks starting at or after this instant.").optional(),
  start_before: queryInstant("Only tasks starting before this instant.").optional(),
  due_before: queryInstant("Only tasks due before this instant.").optional(),
  priority_min: z
    .string()
    .regex(/^\d$/, "Use a priority from 0 to 5")
    .transform(Number)
    .pipe(z.number().int().min(0).max(5))
    .optional()
    .meta({ description: "Only tasks of at least this priority (0-5)." }),
  q: ZText.trim().min(1).max(200).optional().meta({ description: "Text in the summary or description (any case)." }),
  view: ZTaskView.optional().meta({ description: "A named filter: schedulable or high_priority." }),
});

export const taskOperations = [
  listOperation({
    method: "get",
    path: "/tasks/",
    operationId: "listTasks",
    tag: TAG,
    summary: "List tasks",
    description: "Open tasks by default (`is_complete=false`), in the person's order. Filters combine.",
    query: ZTaskListQuery,
    item: ZTask,
    run: ({ caller, query }) =>
      caller.scheduler.tasks.list({
        limit: query.limit,
        cursor: query.cursor,
        projectId: query.inbox ? null : query.project_id,
        areaId: query.area_id,
        plannerId: query.planner_id,
        isComplete: query.is_complete ?? false,
        scheduled: query.scheduled,
        startFrom: query.start_time,
        startTo: query.start_before,
        dueBefore: query.due_before,
        priorityMin: query.priority_min,
        q: query.q,
        view: query.view,
      }),
  }),
  singleOperation({
    method: "post",
    path: "/tasks/",
    operationId: "createTask",
    tag: TAG,
    summary: "Create a task",
    description: "Send an `Idempotency-Key` header to retry safely: a repeat returns the first task.",
    body: restInputSchema(ZCreateTaskInput, { id: "TaskCreate" }),
    bodyExample: { summary: "New task", minutes: 45, priority: 2 },
    status: 201,
    response: ZTask,
    location: (task) => `/tasks/${task.id}/`,
    run: ({ caller, body }) => caller.scheduler.tasks.create(body),
  }),
  singleOperation({
    method: "get",
    path: "/tasks/{id}/",
    operationId: "getTask",
    tag: TAG,
    summary: "Get a task",
    params: ZIdParams,
    status: 200,
    response: ZTask,
    run: ({ caller, params }) => caller.scheduler.tasks.byId({ id: params.id }),
  }),
  singleOperation({
    method: "patch",
    path: "/tasks/{id}/",
    operationId: "updateTask",
    tag: TAG,
    summary: "Change a task",
    description: "Only the fields sent change; `null` clears a field that may be empty.",
    params: ZIdParams,
    body: restInputSchema(ZUpdateTaskInput, { omit: ["id"], id: "TaskUpdate" }),
    bodyExample: { priority: 4, due_at: "2026-12-04T17:00:00+01:00" },
    status: 200,
    response: ZTask,
    run: ({ caller, params, body }) => caller.scheduler.tasks.update({ ...body, id: params.id }),
  }),
  emptyOperation({
    method: "delete",
    path: "/tasks/{id}/",
    operationId: "deleteTask",
    tag: TAG,
    summary: "Delete a task",
    params: ZIdParams,
    run: ({ caller, params }) => caller.scheduler.tasks.delete({ id: params.id }),
  }),
  singleOperation({
    method: "post",
    path: "/tasks/{id}/complete/",
    operationId: "completeTask",
    tag: TAG,
    summary: "Complete a task",
    description: "For a repeating task, `next` is its next occurrence (a new open task); otherwise null.",
    params: ZIdParams,
    status: 200,
    response: ZCompleteTaskResult,
    run: ({ caller, params }) => caller.scheduler.tasks.complete({ id: params.id }),
  }),
  singleOperation({
    method: "post",
    path: "/tasks/{id}/reopen/",
    operationId: "reopenTask",
    tag: TAG,
    summary: "Reopen a completed task",
    params: ZIdParams,
    status: 200,
    response: ZTask,
    run: ({ caller, params }) => caller.scheduler.tasks.reopen({ id: params.id }),
  }),
  singleOperation({
    method: "post",
    path: "/tasks/{id}/move/",
    operationId: "moveTask",
    tag: TAG,
    summary: "Move a task",
    description: "Exactly one of `before_id`, `after_id` or `project_id` (null: the inbox).",
    params: ZIdParams,
    body: restInputSchema(ZMoveTaskInput, { omit: ["id"], id: "TaskMove" }),
    bodyExample: { project_id: null },
    status: 200,
    response: ZTask,
    run: ({ caller, params, body }) => caller.scheduler.tasks.move({ ...body, id: params.id }),
  }),
];
