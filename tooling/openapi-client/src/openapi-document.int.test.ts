import { useTestDatabase } from "@agendacraft/db/testing";
import { startTestServer, type TestServer } from "@agendacraft/server/testing";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Validator } from "@seriousme/openapi-schema-validator";
import type { OpenAPIV3_1 } from "openapi-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const ERROR_SCHEMA = "#/components/schemas/Error";

type Operation = { method: string; path: string; operation: OpenAPIV3_1.OperationObject };

function operationsOf(document: OpenAPIV3_1.Document): Operation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
}

/** "N paths, M operations": the validators' summaries name how much of the API they checked. */
function extent(document: OpenAPIV3_1.Document): string {
  return `${Object.keys(document.paths ?? {}).length} paths, ${operationsOf(document).length} operations`;
}

/** The JSON schema of a response's JSON body (a `$ref` stays a `$ref`: the document is not dereferenced). */
function jsonSchemaOf(response: OpenAPIV3_1.ResponseObject | OpenAPIV3_1.ReferenceObject | undefined) {
  if (!response || "$ref" in response) return undefined;
  return response.content?.["application/json"]?.schema as { $ref?: string } | undefined;
}

/** The document exactly as a client downloads it from a running server, checked by two validators of other authors. */
describe("GET /api/v1/openapi.json", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let document: OpenAPIV3_1.Document;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma });
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    document = (await response.json()) as OpenAPIV3_1.Document;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("passes @seriousme/openapi-schema-validator and @apidevtools/swagger-parser", async () => {
    const validator = new Validator();
    const schemaResult = await validator.validate(structuredClone(document) as Record<string, unknown>);
    const schemaSummary = schemaResult.valid
      ? `openapi-schema-validator: valid (OpenAPI ${document.openapi}, ${extent(document)})`
      : `openapi-schema-validator: INVALID ${JSON.stringify(schemaResult.errors, null, 2)}`;

    // swagger-parser dereferences what it validates in place: it gets a copy.
    let parserSummary: string;
    try {
      const parsed = (await SwaggerParser.validate(structuredClone(document) as never)) as OpenAPIV3_1.Document;
      parserSummary = `swagger-parser: valid (OpenAPI ${parsed.openapi}, ${parsed.info.title} ${parsed.info.version}, ${extent(parsed)})`;
    } catch (error) {
      parserSummary = `swagger-parser: INVALID ${error instanceof Error ? error.message : String(error)}`;
    }

    console.log(`${schemaSummary}\n${parserSummary}`);
    expect(schemaSummary).toMatch(/^openapi-schema-validator: valid \(OpenAPI 3\.1\.0\b/);
    expect(parserSummary).toMatch(/^swagger-parser: valid \(OpenAPI 3\.1\.0\b/);
  });

  it("describes every operation well enough to generate a client and read the docs page", () => {
    const operations = operationsOf(document);
    expect(operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`)).toEqual(
      expect.arrayContaining(["GET /api/v1/tasks/", "POST /api/v1/tasks/", "POST /api/v1/tasks/{id}/complete/"]),
    );
    const operationIds = operations.map(({ operation }) => operation.operationId);
    expect(new Set(operationIds).size).toBe(operations.length);

    for (const { method, path, operation } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      expect(operation.operationId, name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.summary?.trim(), name).toBeTruthy();
      expect(operation.tags?.length, name).toBeGreaterThan(0);
      const errors = Object.entries(operation.responses ?? {}).filter(([status]) => /^4\d\d$/.test(status));
      expect(
        errors.some(([, response]) => jsonSchemaOf(response)?.$ref === ERROR_SCHEMA),
        `${name} answers a 4xx with the Error schema`,
      ).toBe(true);
      expect(operation.security ?? document.security, name).toContainEqual({ bearerAuth: [] });
      if (operation.operationId?.startsWith("create")) {
        expect(Object.keys(operation.responses ?? {}), `${name} creates: 201`).toContain("201");
        expect(Object.keys(operation.responses ?? {}), name).not.toContain("200");
      }
    }
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components?.schemas?.Error).toMatchObject({ type: "object", required: ["error"] });
  });

  it("shows an example body for creating a task", () => {
    const body = document.paths?.["/api/v1/tasks/"]?.post?.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
    expect(body?.content["application/json"]?.example).toEqual({ summary: "New task", minutes: 45, priority: 2 });
  });
});
