import { openApiDocument } from "@agendacraft/api/rest";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personWithToken, type RestResponse, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";
import { documentedOperations, type OpenApiDocument } from "./testing/documented-operations.ts";
import { ResponseValidator } from "./testing/response-validator.ts";

const PER_MINUTE = 6;
const document = openApiDocument("0.0.0-test") as unknown as OpenApiDocument;
const listTasks = documentedOperations(document).find((op) => op.method === "get" && op.path === "/api/v1/tasks/");

describe("REST API v1: the rate limit", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, env: { API_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses calls past the limit with 429, Retry-After and common.rate_limited, for that token only", async () => {
    const spender = await personWithToken(server.url, "Busy Script");
    const other = await personWithToken(server.url, "Quiet Script");
    const answers: RestResponse[] = [];
    // Minting the token was a call too, so the limit is reached within PER_MINUTE calls here.
    for (let call = 0; call <= PER_MINUTE; call++) {
      answers.push(await restCall(server.url, "GET", "/api/v1/tasks/", { token: spender.token }));
    }
    const statuses = answers.map((answer) => answer.status);
    expect(statuses[0]).toBe(200);
    expect(statuses.at(-1)).toBe(429);
    // Once refused, refused: no 200 after the first 429 within the window.
    expect(statuses.slice(statuses.indexOf(429))).toEqual(statuses.slice(statuses.indexOf(429)).map(() => 429));

    const refused = answers.at(-1) as RestResponse;
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({
      error: { code: "common.rate_limited", details: { retry_after_seconds: retryAfter } },
    });
    expect(listTasks && new ResponseValidator(document).problems(listTasks, refused)).toEqual([]);

    const unaffected = await restCall(server.url, "GET", "/api/v1/tasks/", { token: other.token });
    expect(unaffected.status).toBe(200);
  });
});
