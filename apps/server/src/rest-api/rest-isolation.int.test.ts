import { randomUUID } from "node:crypto";
import { openApiDocument } from "@agendacraft/api/rest";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personWithToken, type RestResponse, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";
import {
  type DocumentedOperation,
  documentedOperations,
  type OpenApiDocument,
} from "./testing/documented-operations.ts";
import { ResponseValidator } from "./testing/response-validator.ts";
import { candidateBodies, isInvalidInput, pathWith, requiredQuery } from "./testing/valid-requests.ts";

// The document the server serves (the same function builds it), read here so that each
// collection gets a test of its own, named after it.
const document = openApiDocument("0.0.0-test") as unknown as OpenApiDocument;
const operations = documentedOperations(document);
const collections = [...new Set(operations.filter((op) => op.path.includes("{id}")).map((op) => op.collection))];

const NOT_FOUND_CODE = /^[a-z]+\.[a-z_]+_not_found$/;

/**
 * Another person's ids are as good as unknown: for every collection with `{id}` paths,
 * person A makes a row and person B, with A's id, gets 404 and the domain's `*_not_found`
 * code from every operation that takes an id, and A's row is the same afterwards.
 */
describe("REST API v1: another person's ids", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let personA: string;
  let personB: string;
  const validator = new ResponseValidator(document);

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma });
    personA = (await personWithToken(server.url, "Person A")).token;
    personB = (await personWithToken(server.url, "Person B")).token;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Tries the operation's valid bodies in turn until one gets past validation. */
  async function call(token: string, operation: DocumentedOperation, id: string): Promise<RestResponse> {
    let response: RestResponse | undefined;
    for (const body of candidateBodies(document, operation)) {
      const path = `${pathWith(operation, id)}${requiredQuery(document, operation)}`;
      response = await restCall(server.url, operation.method.toUpperCase(), path, { token, body });
      if (!isInvalidInput(response.status, response.body)) return response;
    }
    return response as RestResponse;
  }

  /** A's row as A reads it: its GET by id, else its place in the collection's list. */
  async function readAsA(collection: string, id: string): Promise<unknown> {
    const get = operations.find((op) => op.method === "get" && op.path === `${collection}{id}/`);
    if (get) {
      const response = await call(personA, get, id);
      expect(response.status).toBe(200);
      return response.body;
    }
    const listed = await restCall(server.url, "GET", collection, { token: personA });
    return (listed.body as { id: string }[]).find((item) => item.id === id);
  }

  /** What B gets from every operation on the collection's ids, and whether the document allows it. */
  async function answersToB(collection: string, id: string) {
    const answers = [];
    for (const operation of operations.filter((op) => op.collection === collection && op.path !== collection)) {
      const response = await call(personB, operation, id);
      answers.push({
        operation: `${operation.method.toUpperCase()} ${operation.path}`,
        status: response.status,
        code: (response.body as { error?: { code?: string } } | undefined)?.error?.code,
        problems: validator.problems(operation, response),
      });
    }
    return answers;
  }

  const notFoundEverywhere = (answers: Awaited<ReturnType<typeof answersToB>>) =>
    answers.map(({ operation }) => ({
      operation,
      status: 404,
      code: expect.stringMatching(NOT_FOUND_CODE),
      problems: [],
    }));

  for (const collection of collections) {
    const create = operations.find((op) => op.method === "post" && op.path === collection);
    if (create) {
      it(`${collection}{id}: person B gets 404 with person A's id on every operation, and A's row is unchanged`, async () => {
        let created: RestResponse | undefined;
        for (const body of candidateBodies(document, create)) {
          created = await restCall(server.url, "POST", collection, { token: personA, body });
          if (created.status === 201) break;
        }
        expect(created?.status, `A creates in ${collection}: ${JSON.stringify(created?.body)}`).toBe(201);
        const id = (created?.body as { id: string } | undefined)?.id ?? "";
        const before = await readAsA(collection, id);
        expect(before).toBeDefined();

        const answers = await answersToB(collection, id);
        expect(answers.length).toBeGreaterThan(0);
        expect(answers).toEqual(notFoundEverywhere(answers));
        expect(await readAsA(collection, id)).toEqual(before);
      });
    } else {
      it(`${collection}{id} has no create operation: person B gets 404 with an id A lists there (an unknown id while A lists none)`, async () => {
        const listed = await restCall(server.url, "GET", collection, { token: personA });
        const first = Array.isArray(listed.body) ? (listed.body[0] as { id?: string } | undefined) : undefined;
        const id = first?.id ?? randomUUID();
        console.log(`${collection} has no create operation; trying ${first ? "an id A lists" : "an unknown id"}`);
        const answers = await answersToB(collection, id);
        expect(answers).toEqual(notFoundEverywhere(answers));
      });
    }
  }
});
