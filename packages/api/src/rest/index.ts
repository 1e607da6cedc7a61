/** The REST API v1 (`/api/v1`): its operations, their OpenAPI document and how one runs. */
import { buildOpenApiDocument } from "./openapi-document.ts";
import { areaOperations } from "./resources/areas.ts";
import { meOperations } from "./resources/me.ts";
import { notificationOperations } from "./resources/notifications.ts";
import { planOperations } from "./resources/plan.ts";
import { plannerOperations } from "./resources/planners.ts";
import { projectOperations } from "./resources/projects.ts";
import { taskOperations } from "./resources/tasks.ts";
import type { RestOperation } from "./rest-operation.ts";

export { createRestContextFactory } from "./rest-context.ts";
export { restFailure, ZRestError } from "./rest-errors.ts";
export type { RestOperation } from "./rest-operation.ts";
export { REST_PREFIX, type RestResult, runRestOperation } from "./run-rest-operation.ts";

/** Every operation, in the order the document lists them. */
export const restOperations: readonly RestOperation[] = [
  ...taskOperations,
  ...projectOperations,
  ...areaOperations,
  ...plannerOperations,
  ...planOperations,
  ...notificationOperations,
  ...meOperations,
];

let document: ReturnType<typeof buildOpenApiDocument> | undefined;
/** Built once: the schemas do not change while the server runs. */
export function openApiDocument(version: string) {
  document ??= buildOpenApiDocument(restOperations, version);
  return document;
}
