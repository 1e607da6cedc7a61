import { ZArea, ZAreaWithCounts, ZCreateAreaInput, ZUpdateAreaInput } from "@agendacraft/domain/scheduler/areas";
import { emptyOperation, listOperation, singleOperation } from "../rest-operation.ts";
import { ZIdParams, ZPageQuery } from "../rest-query.ts";
import { nameRestOutput, restInputSchema } from "../rest-schema.ts";

const TAG = "Areas";
nameRestOutput(ZArea, "Area");
nameRestOutput(ZAreaWithCounts, "AreaWithCounts");

export const areaOperations = [
  listOperation({
    method: "get",
    path: "/areas/",
    operationId: "listAreas",
    tag: TAG,
    summary: "List areas",
    description: "In the person's order, each with the open and done tasks in it (directly or through a project).",
    query: ZPageQuery,
    item: ZAreaWithCounts,
    run: ({ caller, query }) => caller.scheduler.areas.list({ limit: query.limit, cursor: query.cursor }),
  }),
  singleOperation({
    method: "post",
    path: "/areas/",
    operationId: "createArea",
    tag: TAG,
    summary: "Create an area",
    description: "Send an `Idempotency-Key` header to retry safely: a repeat returns the first area.",
    body: restInputSchema(ZCreateAreaInput, { id: "AreaCreate" }),
    bodyExample: { name: "Work", color: "#16A34A" },
    status: 201,
    response: ZArea,
    location: (area) => `/areas/${area.id}/`,
    run: ({ caller, body }) => caller.scheduler.areas.create(body),
  }),
  singleOperation({
    method: "get",
    path: "/areas/{id}/",
    operationId: "getArea",
    tag: TAG,
    summary: "Get an area",
    description: "With the open and done tasks in it (directly or through a project).",
    params: ZIdParams,
    status: 200,
    response: ZAreaWithCounts,
    run: ({ caller, params }) => caller.scheduler.areas.byId({ id: params.id }),
  }),
  singleOperation({
    method: "patch",
    path: "/areas/{id}/",
    operationId: "updateArea",
    tag: TAG,
    summary: "Change an area",
    description: "Only the fields sent change.",
    params: ZIdParams,
    body: restInputSchema(ZUpdateAreaInput, { omit: ["id"], id: "AreaUpdate" }),
    bodyExample: { name: "Home" },
    status: 200,
    response: ZArea,
    run: ({ caller, params, body }) => caller.scheduler.areas.update({ ...body, id: params.id }),
  }),
  emptyOperation({
    method: "delete",
    path: "/areas/{id}/",
    operationId: "deleteArea",
    tag: TAG,
    summary: "Delete an area",
    description: "Its projects and tasks stay, in no area.",
    params: ZIdParams,
    run: ({ caller, params }) => caller.scheduler.areas.delete({ id: params.id }),
  }),
];
