import { randomUUID } from "node:crypto";
import { openApiDocument } from "@agendacraft/api/rest";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN } from "../testing/http.ts";
import { personWithToken, type RestResponse, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";
import {
  type DocumentedOperation,
  documentedOperations,
  type OpenApiDocument,
} from "./testing/documented-operations.ts";
import { ResponseValidator } from "./testing/response-validator.ts";
import { candidateBodies, isInvalidInput, pathWith, requiredQuery } from "./testing/valid-requests.ts";

// The document the server serves (the same function builds it).
const document = openApiDocument("0.0.0-test") as unknown as OpenApiDocument;
const operations = documentedOperations(document);

describe("REST API v1: who may call it", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let person: Awaited<ReturnType<typeof personWithToken>>;
  const validator = new ResponseValidator(document);

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma });
    person = await personWithToken(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A browser's request: the session cookie and the app's origin, no token; valid input. */
  async function byCookie(operation: DocumentedOperation): Promise<RestResponse> {
    let response: RestResponse | undefined;
    for (const body of candidateBodies(document, operation)) {
      const path = `${pathWith(operation, randomUUID())}${requiredQuery(document, operation)}`;
      response = await restCall(server.url, operation.method.toUpperCase(), path, {
        body,
        headers: { cookie: person.cookie, origin: APP_ORIGIN },
      });
      if (!isInvalidInput(response.status, response.body)) return response;
    }
    return response as RestResponse;
  }

  /** Every list the person can read, as the token reads them. */
  async function everyList(): Promise<Record<string, unknown>> {
    const lists = operations.filter((op) => op.method === "get" && op.pathParams.length === 0);
    const bodies: Record<string, unknown> = {};
    for (const list of lists) {
      const path = `${list.path}${requiredQuery(document, list)}`;
      bodies[path] = (await restCall(server.url, "GET", path, { token: person.token })).body;
    }
    return bodies;
  }

  it("answers 401 to a session cookie without a token on every operation, and nothing changes", async () => {
    const before = await everyList();
    const answers = [];
    for (const operation of operations) {
      const response = await byCookie(operation);
      answers.push({
        operation: `${operation.method.toUpperCase()} ${operation.path}`,
        status: response.status,
        code: (response.body as { error?: { code?: string } } | undefined)?.error?.code,
        challenge: response.headers.get("www-authenticate"),
        setsCookie: response.headers.get("set-cookie") !== null,
        problems: validator.problems(operation, response),
      });
    }
    expect(answers).toEqual(
      operations.map((operation) => ({
        operation: `${operation.method.toUpperCase()} ${operation.path}`,
        status: 401,
        code: "common.unauthorized",
        challenge: expect.stringMatching(/^Bearer /),
        setsCookie: false,
        problems: [],
      })),
    );

    // The creates, changes and deletes above did nothing.
    expect(await everyList()).toEqual(before);
  });

  it("answers a retried POST /api/v1/tasks/ with the same Idempotency-Key with the same task, stored once", async () => {
    const key = randomUUID();
    const create = (summary: string) =>
      restCall(server.url, "POST", "/api/v1/tasks/", {
        token: person.token,
        body: { summary, minutes: 25 },
        headers: { "idempotency-key": key },
      });
    const first = await create("Pay the rent");
    const retry = await create("Pay the rent");
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(await database().prisma.task.count({ where: { userId: person.userId, summary: "Pay the rent" } })).toBe(1);

    const reused = await create("Pay the gas bill");
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ error: { code: "common.idempotency_key_reused" } });
    expect(await database().prisma.task.count({ where: { userId: person.userId } })).toBe(1);
  });
});
