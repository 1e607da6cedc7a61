import {
  ZCreateProjectInput,
  ZProject,
  ZProjectWithCounts,
  ZUpdateProjectInput,
} from "@agendacraft/domain/scheduler/projects";
import { emptyOperation, listOperation, singleOperation } from "../rest-operation.ts";
import { queryBoolean, ZIdParams, ZPageQuery, ZRestId } from "../rest-query.ts";
import { nameRestOutput, restInputSchema } from "../rest-schema.ts";

const TAG = "Projects";
nameRestOutput(ZProject, "Project");
nameRestOutput(ZProjectWithCounts, "ProjectWithCounts");

/** `GET /projects/` filters: the tRPC list's (`without_area` stands for its `areaId: null`). */
const ZProjectListQuery = ZPageQuery.extend({
  area_id: ZRestId.optional().meta({ description: "Only this area's projects." }),
  without_area: queryBoolean("true: only projects in no area.").optional(),
  include_archived: queryBoolean("true: archived projects too; false (the default): active ones only.").optional(),
});

export const projectOperations = [
  listOperation({
    method: "get",
    path: "/projects/",
    operationId: "listProjects",
    tag: TAG,
    summary: "List projects",
    description: "Active projects by default, in the person's order, each with its open and done task counts.",
    query: ZProjectListQuery,
    item: ZProjectWithCounts,
    run: ({ caller, query }) =>
      caller.scheduler.projects.list({
        limit: query.limit,
        cursor: query.cursor,
        areaId: query.without_area ? null : query.area_id,
        includeArchived: query.include_archived ?? false,
      }),
  }),
  singleOperation({
    method: "post",
    path: "/projects/",
    operationId: "createProject",
    tag: TAG,
    summary: "Create a project",
    description: "Send an `Idempotency-Key` header to retry safely: a repeat returns the first project.",
    body: restInputSchema(ZCreateProjectInput, { id: "ProjectCreate" }),
    bodyExample: { name: "Launch", color: "#2563EB" },
    status: 201,
    response: ZProject,
    location: (project) => `/projects/${project.id}/`,
    run: ({ caller, body }) => caller.scheduler.projects.create(body),
  }),
  singleOperation({
    method: "get",
    path: "/projects/{id}/",
    operationId: "getProject",
    tag: TAG,
    summary: "Get a project",
    description: "With its open and done task counts.",
    params: ZIdParams,
    status: 200,
    response: ZProjectWithCounts,
    run: ({ caller, params }) => caller.scheduler.projects.byId({ id: params.id }),
  }),
  singleOperation({
    method: "patch",
    path: "/projects/{id}/",
    operationId: "updateProject",
    tag: TAG,
    summary: "Change a project",
    description: "Only the fields sent change; `area_id: null` takes the project out of its area.",
    params: ZIdParams,
    body: restInputSchema(ZUpdateProjectInput, { omit: ["id"], id: "ProjectUpdate" }),
    bodyExample: { name: "Launch v2", area_id: null },
    status: 200,
    response: ZProject,
    run: ({ caller, params, body }) => caller.scheduler.projects.update({ ...body, id: params.id }),
  }),
  emptyOperation({
    method: "delete",
    path: "/projects/{id}/",
    operationId: "deleteProject",
    tag: TAG,
    summary: "Delete a project",
    description: "Its tasks are deleted with it.",
    params: ZIdParams,
    run: ({ caller, params }) => caller.scheduler.projects.delete({ id: params.id }),
  }),
  singleOperation({
    method: "post",
    path: "/projects/{id}/archive/",
    operationId: "archiveProject",
    tag: TAG,
    summary: "Archive a project",
    description: "It leaves the default list (`include_archived=true` shows it); `archived_at` says when.",
    params: ZIdParams,
    status: 200,
    response: ZProject,
    run: ({ caller, params }) => caller.scheduler.projects.archive({ id: params.id }),
  }),
  singleOperation({
    method: "post",
    path: "/projects/{id}/unarchive/",
    operationId: "unarchiveProject",
    tag: TAG,
    summary: "Unarchive a project",
    params: ZIdParams,
    status: 200,
    response: ZProject,
    run: ({ caller, params }) => caller.scheduler.projects.unarchive({ id: params.id }),
  }),
];
