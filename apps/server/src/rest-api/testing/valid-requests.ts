import fc from "fast-check";
import type { DocumentedOperation, OpenApiDocument } from "./documented-operations.ts";
import { arbitraryFor } from "./json-schema-arbitrary.ts";

/**
 * Requests an operation should accept, for tests about who may call it rather than what
 * it validates: its documented example first, then bodies generated from its schema (the
 * schema cannot state every rule, so a caller tries them in turn until one gets past
 * validation). Seeded, so every run sends the same ones.
 */
export function candidateBodies(document: OpenApiDocument, operation: DocumentedOperation, seed = 1): unknown[] {
  if (!operation.body) return [undefined];
  const generated = fc.sample(arbitraryFor(document, operation.body.schema), { seed, numRuns: 10 });
  return operation.body.example === undefined ? generated : [operation.body.example, ...generated];
}

const FIRST_INSTANT = Date.parse("2026-06-01T09:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The query parameters the operation requires (none on most), generated from their schemas.
 * Instants go in the order documented, a day apart: a range's `from` comes before its `to`
 * (a rule the schema cannot state) and the range stays short.
 */
export function requiredQuery(document: OpenApiDocument, operation: DocumentedOperation, seed = 1): string {
  const search = new URLSearchParams();
  let instants = 0;
  for (const parameter of operation.query.filter((one) => one.required)) {
    if (parameter.schema.format === "date-time") {
      search.append(parameter.name, new Date(FIRST_INSTANT + instants++ * DAY_MS).toISOString());
      continue;
    }
    const [value] = fc.sample(arbitraryFor(document, parameter.schema), { seed, numRuns: 1 });
    search.append(parameter.name, typeof value === "string" ? value : JSON.stringify(value));
  }
  const query = search.toString();
  return query ? `?${query}` : "";
}

/** `/api/v1/tasks/{id}/move/` with the id filled in (any other path parameter gets the same). */
export function pathWith(operation: DocumentedOperation, id: string): string {
  return operation.path.replace(/\{\w+\}/g, encodeURIComponent(id));
}

/** What a 400 for invalid input looks like, as opposed to a rule or an authorization failure. */
export function isInvalidInput(status: number, body: unknown): boolean {
  return status === 400 && (body as { error?: { code?: string } } | undefined)?.error?.code === "common.invalid_input";
}
