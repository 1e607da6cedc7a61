import {
  ZApplyPlanResult,
  ZPlanInput,
  ZPlanPreview,
  ZPlanPreviewResult,
  ZPlanRun,
  ZUndoPlanResult,
} from "@agendacraft/domain/scheduler/plan";
import { z } from "zod";
import { singleOperation } from "../rest-operation.ts";
import { ZIdParams } from "../rest-query.ts";
import { nameRestOutput, restInputSchema } from "../rest-schema.ts";

const TAG = "Plan";
nameRestOutput(ZPlanRun, "PlanRun");
nameRestOutput(ZPlanPreview.shape.changes.element, "PlanChange");
nameRestOutput(ZPlanPreview.shape.unplaced.element, "UnplacedTask");
nameRestOutput(ZPlanPreviewResult, "PlanPreview");
nameRestOutput(ZApplyPlanResult, "PlanCommit");
nameRestOutput(ZUndoPlanResult, "PlanUndo");

/** Preview and commit take the same input; every field has a default, so `{}` (or no body) plans 14 days from now. */
const ZPlanBody = restInputSchema(ZPlanInput.unwrap(), { id: "PlanRequest" });
const PLAN_BODY_EXAMPLE = { horizon_days: 7, options: { buffer_minutes: 10, strategy: "spread" } };

/** `GET /plan/runs/?limit=`: the procedure's own bound (1-50, default 10); the runs are not paged. */
const ZPlanRunsQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,2}$/, "Use a whole number from 1 to 50")
    .transform(Number)
    .pipe(z.number().int().min(1).max(50))
    .optional()
    .meta({ description: "How many of the latest runs, 1-50 (default 10)." }),
});

export const planOperations = [
  singleOperation({
    method: "post",
    path: "/plan/preview/",
    operationId: "previewPlan",
    tag: TAG,
    summary: "Preview a plan",
    description:
      "Where the auto-scheduler would place the open tasks without a time, in the planners' windows. Changes nothing. " +
      "`changes` and `unplaced` hold the first ones; `change_count` and `unplaced_count` count them all.",
    body: ZPlanBody,
    bodyExample: PLAN_BODY_EXAMPLE,
    status: 200,
    response: ZPlanPreviewResult,
    run: ({ caller, body }) => caller.scheduler.plan.preview(body),
  }),
  singleOperation({
    method: "post",
    path: "/plan/commit/",
    operationId: "commitPlan",
    tag: TAG,
    summary: "Plan and place the tasks",
    description:
      "Places the tasks as a preview with the same input would, as one run that can be undone " +
      "(`POST /plan/runs/{run.id}/undo/`). Send an `Idempotency-Key` header to retry safely: a repeat " +
      "returns the first run instead of planning again.",
    body: ZPlanBody,
    bodyExample: PLAN_BODY_EXAMPLE,
    status: 200,
    response: ZApplyPlanResult,
    run: ({ caller, body }) => caller.scheduler.plan.commit(body),
  }),
  singleOperation({
    method: "get",
    path: "/plan/runs/",
    operationId: "listPlanRuns",
    tag: TAG,
    summary: "List the latest plan runs",
    description: "Newest first, as one JSON array (not paged).",
    query: ZPlanRunsQuery,
    status: 200,
    response: z.array(ZPlanRun),
    run: ({ caller, query }) => caller.scheduler.plan.runs({ limit: query.limit ?? 10 }),
  }),
  singleOperation({
    method: "post",
    path: "/plan/runs/{id}/undo/",
    operationId: "undoPlanRun",
    tag: TAG,
    summary: "Undo a plan run",
    description:
      "Puts the run's tasks back where they were. Tasks changed since are left as they are and listed in " +
      "`skipped` with the reason. A run undone already answers 409 (`scheduler.plan_run_already_undone`).",
    params: ZIdParams,
    status: 200,
    response: ZUndoPlanResult,
    run: ({ caller, params }) => caller.scheduler.plan.undo({ runId: params.id }),
  }),
];
