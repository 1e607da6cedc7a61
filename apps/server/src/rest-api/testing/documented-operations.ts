/**
 * The operations of /api/v1 as its OpenAPI document describes them, read from the document
 * the server serves (not from the code that builds it), so the tests check what a client
 * generated from that document would rely on.
 */

export type JsonSchema = Record<string, unknown>;

export type OpenApiDocument = {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

type RawParameter = { in: string; name: string; required?: boolean; schema: JsonSchema };
type RawHeader = { required?: boolean; schema?: JsonSchema };
type RawResponse = { headers?: Record<string, RawHeader>; content?: Record<string, { schema: JsonSchema }> };
type RawOperation = {
  operationId: string;
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, RawResponse>;
};

export type DocumentedParameter = { name: string; required: boolean; schema: JsonSchema };

export type DocumentedResponse = {
  /** Absent when the status has no body (204). */
  schema?: JsonSchema;
  headers: { name: string; required: boolean; schema?: JsonSchema }[];
};

export type DocumentedOperation = {
  operationId: string;
  method: "get" | "post" | "patch" | "put" | "delete";
  /** As documented: `/api/v1/tasks/{id}/`. */
  path: string;
  pathParams: DocumentedParameter[];
  query: DocumentedParameter[];
  headerParams: DocumentedParameter[];
  body?: { schema: JsonSchema; example?: unknown };
  responses: Record<string, DocumentedResponse>;
  /** `GET /api/v1/tasks/` for `/api/v1/tasks/{id}/complete/`: the list and create of the resource. */
  collection: string;
};

const METHODS = ["get", "post", "patch", "put", "delete"] as const;

/** `/api/v1/tasks/{id}/move/` -> `/api/v1/tasks/`; a path without `{id}` is its own collection. */
export function collectionOf(path: string): string {
  const index = path.indexOf("{id}");
  return index === -1 ? path : path.slice(0, index);
}

export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  const operations: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const parameters = (location: string) =>
        (raw.parameters ?? [])
          .filter((parameter) => parameter.in === location)
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required === true,
            schema: parameter.schema,
          }));
      const json = raw.requestBody?.content["application/json"];
      operations.push({
        operationId: raw.operationId,
        method,
        path,
        pathParams: parameters("path"),
        query: parameters("query"),
        headerParams: parameters("header"),
        ...(json ? { body: { schema: json.schema, example: json.example } } : {}),
        responses: Object.fromEntries(
          Object.entries(raw.responses).map(([status, response]) => [status, documentedResponse(response)]),
        ),
        collection: collectionOf(path),
      });
    }
  }
  return operations;
}

function documentedResponse(response: RawResponse): DocumentedResponse {
  return {
    schema: response.content?.["application/json"]?.schema,
    headers: Object.entries(response.headers ?? {}).map(([name, header]) => ({
      name: name.toLowerCase(),
      required: header.required === true,
      schema: header.schema,
    })),
  };
}

/** Follows `#/components/schemas/X` (the only kind of reference the document uses). */
export function resolveRef(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
  const target = name ? document.components?.schemas?.[name] : undefined;
  if (!target) throw new Error(`The document refers to ${ref}, which it does not define`);
  return resolveRef(document, target);
}
