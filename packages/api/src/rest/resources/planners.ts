import {
  MAX_WINDOWS_QUERY_DAYS,
  ZCreatePlannerInput,
  ZPlanner,
  ZPlannerWindow,
  ZUpdatePlannerInput,
} from "@agendacraft/domain/scheduler/planners";
import { z } from "zod";
import { emptyOperation, listOperation, singleOperation } from "../rest-operation.ts";
import { queryInstant, ZIdParams, ZPageQuery } from "../rest-query.ts";
import { nameRestOutput, restInputSchema } from "../rest-schema.ts";

const TAG = "Planners";
nameRestOutput(ZPlanner, "Planner");
nameRestOutput(ZPlannerWindow, "PlannerWindow");

/** The range of windows to read; the procedure checks it (`to` after `from`, at most the maximum days). */
const ZWindowsQuery = z.strictObject({
  from: queryInstant("The range's start (RFC 3339)."),
  to: queryInstant(`The range's end (RFC 3339), at most ${MAX_WINDOWS_QUERY_DAYS} days after \`from\`.`),
});

const WINDOWS_DESCRIPTION = `The windows (UTC instants) that overlap [\`from\`, \`to\`). A range spans at most ${MAX_WINDOWS_QUERY_DAYS} days.`;

export const plannerOperations = [
  listOperation({
    method: "get",
    path: "/planners/",
    operationId: "listPlanners",
    tag: TAG,
    summary: "List planners",
    description: "The person's working hours: each planner's windows recur by its rule in its time zone.",
    query: ZPageQuery,
    item: ZPlanner,
    run: ({ caller, query }) => caller.scheduler.planners.list({ limit: query.limit, cursor: query.cursor }),
  }),
  singleOperation({
    method: "post",
    path: "/planners/",
    operationId: "createPlanner",
    tag: TAG,
    summary: "Create a planner",
    description:
      "`recurrence` is an RRULE (`FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`); `time_zone` defaults to the person's. " +
      "Send an `Idempotency-Key` header to retry safely: a repeat returns the first planner.",
    body: restInputSchema(ZCreatePlannerInput, { id: "PlannerCreate" }),
    bodyExample: {
      name: "Weekday mornings",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      start_date: "2026-12-07",
      start_time: "09:00",
      minutes: 180,
      time_zone: "Europe/Berlin",
    },
    status: 201,
    response: ZPlanner,
    location: (planner) => `/planners/${planner.id}/`,
    run: ({ caller, body }) => caller.scheduler.planners.create(body),
  }),
  singleOperation({
    method: "get",
    path: "/planners/windows/",
    operationId: "listAllPlannerWindows",
    tag: TAG,
    summary: "List the windows of every active planner",
    description: WINDOWS_DESCRIPTION,
    query: ZWindowsQuery,
    status: 200,
    response: z.array(ZPlannerWindow),
    run: ({ caller, query }) => caller.scheduler.planners.windows({ from: query.from, to: query.to }),
  }),
  singleOperation({
    method: "get",
    path: "/planners/{id}/",
    operationId: "getPlanner",
    tag: TAG,
    summary: "Get a planner",
    params: ZIdParams,
    status: 200,
    response: ZPlanner,
    run: ({ caller, params }) => caller.scheduler.planners.byId({ id: params.id }),
  }),
  singleOperation({
    method: "patch",
    path: "/planners/{id}/",
    operationId: "updatePlanner",
    tag: TAG,
    summary: "Change a planner",
    description: "Only the fields sent change; `active: false` pauses it (planning skips its windows).",
    params: ZIdParams,
    body: restInputSchema(ZUpdatePlannerInput, { omit: ["id"], id: "PlannerUpdate" }),
    bodyExample: { start_time: "08:30", minutes: 210 },
    status: 200,
    response: ZPlanner,
    run: ({ caller, params, body }) => caller.scheduler.planners.update({ ...body, id: params.id }),
  }),
  emptyOperation({
    method: "delete",
    path: "/planners/{id}/",
    operationId: "deletePlanner",
    tag: TAG,
    summary: "Delete a planner",
    params: ZIdParams,
    run: ({ caller, params }) => caller.scheduler.planners.delete({ id: params.id }),
  }),
  singleOperation({
    method: "get",
    path: "/planners/{id}/windows/",
    operationId: "listPlannerWindows",
    tag: TAG,
    summary: "List a planner's windows",
    description: `${WINDOWS_DESCRIPTION} A paused planner's windows are listed too.`,
    params: ZIdParams,
    query: ZWindowsQuery,
    status: 200,
    response: z.array(ZPlannerWindow),
    run: ({ caller, params, query }) =>
      caller.scheduler.planners.windows({ from: query.from, to: query.to, plannerId: params.id }),
  }),
];
