import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { RestResponse } from "../../testing/rest.ts";
import type { DocumentedOperation, JsonSchema, OpenApiDocument } from "./documented-operations.ts";

const COMPONENTS_ID = "urn:agendacraft:components";

/** `#/components/schemas/Task` -> the same schema, registered once with Ajv under its own id. */
function rebaseRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebaseRefs);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === "$ref" && typeof item === "string"
        ? item.replace(/^#\/components\/schemas\//, `${COMPONENTS_ID}#/$defs/`)
        : rebaseRefs(item),
    ]),
  );
}

/**
 * Checks an answer against what the document promises for its operation: the status is one
 * it lists, the body validates (Ajv, JSON Schema 2020-12, formats checked) against that
 * status's schema, a status without content has no body, and required headers are there.
 * Returns the problems, empty when the answer keeps the promise.
 */
export class ResponseValidator {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly compiled = new Map<JsonSchema, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: rebaseRefs(document.components?.schemas ?? {}) });
  }

  problems(operation: DocumentedOperation, response: RestResponse): string[] {
    const documented = operation.responses[String(response.status)];
    if (!documented) {
      return [
        `status ${response.status} is not documented (documented: ${Object.keys(operation.responses).join(", ")})`,
      ];
    }
    const problems: string[] = [];
    for (const header of documented.headers) {
      const value = response.headers.get(header.name);
      if (value === null) {
        if (header.required) problems.push(`no ${header.name} header`);
      } else if (header.schema && !this.validator(header.schema)(value)) {
        problems.push(`${header.name} header ${JSON.stringify(value)} does not match its schema`);
      }
    }
    if (!documented.schema) {
      if (response.body !== undefined)
        problems.push(`a body where none is documented: ${JSON.stringify(response.body)}`);
      return problems;
    }
    if (!response.headers.get("content-type")?.startsWith("application/json")) {
      problems.push(`content-type ${response.headers.get("content-type")} instead of application/json`);
    }
    const validate = this.validator(documented.schema);
    if (!validate(response.body)) {
      for (const error of validate.errors ?? []) {
        problems.push(`body${error.instancePath} ${error.message} (${JSON.stringify(error.params)})`);
      }
    }
    return problems;
  }

  private validator(schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(rebaseRefs(schema) as JsonSchema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
